import type { BodyRow } from "@/lib/articles/revision-diff";

const rowStyle = { added: "bg-emerald-50", removed: "bg-red-50", unchanged: "" } as const;
const markers = { added: "+", removed: "−", unchanged: " " } as const;

/** The body's line diff. Each changed line says "added" or "removed" in words, not only by colour. */
export function BodyDiffTable({ rows }: { rows: BodyRow[] }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200">
      <table className="w-full table-fixed border-collapse font-mono text-xs sm:text-sm">
        <caption className="bg-slate-50 px-3 py-2 text-left font-sans text-sm font-semibold text-slate-800">Body, line by line</caption>
        <colgroup>
          <col className="w-10 sm:w-12" />
          <col className="w-10 sm:w-12" />
          <col className="w-6" />
          <col />
        </colgroup>
        <thead className="sr-only">
          <tr>
            <th scope="col">Old line</th>
            <th scope="col">New line</th>
            <th scope="col">Change</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) =>
            row.kind === "skipped" ? (
              <tr key={`skip-${i}`} className="bg-slate-50 text-slate-600">
                <td colSpan={4} className="px-3 py-1 font-sans">
                  ⋯ {row.count} unchanged {row.count === 1 ? "line" : "lines"}
                </td>
              </tr>
            ) : (
              <tr key={`${row.kind}-${row.oldLine ?? ""}-${row.newLine ?? ""}`} className={rowStyle[row.kind]} data-change={row.kind}>
                <td className="px-1 text-right text-slate-600 select-none">{row.oldLine ?? ""}</td>
                <td className="px-1 text-right text-slate-600 select-none">{row.newLine ?? ""}</td>
                <td className="text-center font-bold text-slate-800">
                  <span aria-hidden="true">{markers[row.kind]}</span>
                  <span className="sr-only">{row.kind}</span>
                </td>
                <td className="px-2 py-0.5 break-words whitespace-pre-wrap text-slate-900">{row.text || " "}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
