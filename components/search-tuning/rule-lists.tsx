import Link from "next/link";
import { formatDateTime } from "@/components/insights/format";
import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import type { SearchPinRow } from "@/lib/search/pins";
import type { RuleChangeRow } from "@/lib/search/rule-history";
import type { SynonymGroup } from "@/lib/search/synonyms";
import { RemoveButton } from "./remove-button";

const emptyClass = "rounded-lg border border-dashed border-slate-300 px-4 py-5 text-sm text-slate-600";

export function SynonymList({ groups }: { groups: SynonymGroup[] }) {
  if (groups.length === 0) return <p className={emptyClass}>No synonyms yet. Searches match the words customers type, their plurals and close typos.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Synonym groups">
      {groups.map((group) => {
        const text = group.terms.join(" = ");
        return (
          <li key={group.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <span className="font-medium break-words text-slate-900">{text}</span>
            <RemoveButton kind="synonym" id={group.id} label={`the synonyms ${text}`} />
          </li>
        );
      })}
    </ul>
  );
}

export function PinList({ pins }: { pins: SearchPinRow[] }) {
  if (pins.length === 0) return <p className={emptyClass}>No pinned answers yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Pinned answers">
      {pins.map((pin) => (
        <li key={pin.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
          <span className="break-words text-slate-900">
            <span className="font-medium">“{pin.query}”</span> →{" "}
            <Link href={`/staff/articles/${pin.article.id}`} className="text-brand-700 underline">
              {pin.article.title}
            </Link>
            {!pin.article.published && <span className="ml-2 text-sm text-amber-800">(not published: the pin waits until it is)</span>}
          </span>
          <RemoveButton kind="pin" id={pin.id} label={`the pin for ${pin.query}`} />
        </li>
      ))}
    </ul>
  );
}

const describe = (row: RuleChangeRow) => {
  const what = row.kind === "pin" ? "Pin" : "Synonyms";
  if (row.action === "added") return `${what} added: ${row.after}`;
  if (row.action === "removed") return `${what} removed: ${row.before}`;
  return `${what} changed from ${row.before} to ${row.after}`;
};

export function RuleHistory({ rows }: { rows: RuleChangeRow[] }) {
  if (rows.length === 0) return <p className={emptyClass}>Nothing has been changed yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              When
            </th>
            <th scope="col" className={thClass}>
              Who
            </th>
            <th scope="col" className={thClass}>
              What changed
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={`${tdClass} whitespace-nowrap text-slate-700`}>{formatDateTime(row.createdAt)}</td>
              <td className={`${tdClass} whitespace-nowrap text-slate-700`}>{row.actorName}</td>
              <td className={`${tdClass} break-words text-slate-900`}>{describe(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
