import { formatDateTime, plural } from "@/components/insights/format";
import type { FieldChange } from "@/lib/articles/revision-diff";
import type { RevisionDiff } from "@/lib/articles/revisions";
import { BodyDiffTable } from "./body-diff-table";

function Removed({ children }: { children: string }) {
  return (
    <del className="rounded bg-red-50 px-1 text-red-900 decoration-red-700">
      <span aria-hidden="true">− </span>
      <span className="sr-only">removed: </span>
      {children}
    </del>
  );
}

function Added({ children }: { children: string }) {
  return (
    <ins className="rounded bg-emerald-50 px-1 text-emerald-900 no-underline">
      <span aria-hidden="true">+ </span>
      <span className="sr-only">added: </span>
      {children}
    </ins>
  );
}

function FieldChangeRow({ change }: { change: FieldChange }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[10rem_1fr]">
      <dt className="font-medium text-slate-900">{change.label}</dt>
      <dd className="space-y-1 break-words">
        {change.kind === "text" ? (
          <>
            <p>
              <Removed>{change.before}</Removed>
            </p>
            <p>
              <Added>{change.after}</Added>
            </p>
          </>
        ) : (
          <>
            <p className="flex flex-wrap gap-1">
              {change.removed.map((item) => (
                <Removed key={`-${item}`}>{item}</Removed>
              ))}
              {change.added.map((item) => (
                <Added key={`+${item}`}>{item}</Added>
              ))}
              {change.added.length === 0 && change.removed.length === 0 && <span className="text-slate-700">same items in a new order</span>}
            </p>
            <p className="text-sm text-slate-600">Now: {change.after.length ? change.after.join(", ") : "none"}</p>
          </>
        )}
      </dd>
    </div>
  );
}

/** What changed between two revisions: fields first, then the body line by line. */
export function DiffView({ diff, headingId = "comparison" }: { diff: RevisionDiff; headingId?: string }) {
  const same = diff.fields.length === 0 && diff.body.rows.length === 0;
  return (
    <div className="space-y-4">
      <div>
        <h2 id={headingId} className="text-lg font-semibold text-slate-900 focus:outline-none" tabIndex={-1}>
          From the version of {formatDateTime(diff.from.createdAt)} to the version of {formatDateTime(diff.to.createdAt)}
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">
          {diff.from.author} → {diff.to.author}
          {" · "}
          {same
            ? "The two versions are the same."
            : `${plural(diff.fields.length, "field")} changed · ${plural(diff.body.added, "line")} added, ${diff.body.removed} removed in the body`}
        </p>
      </div>
      {diff.fields.length > 0 && (
        <dl className="divide-y divide-slate-100">
          {diff.fields.map((change) => (
            <FieldChangeRow key={change.field} change={change} />
          ))}
        </dl>
      )}
      {diff.body.rows.length > 0 && <BodyDiffTable rows={diff.body.rows} />}
      <p className="text-sm text-slate-600">{diff.slugNote}</p>
    </div>
  );
}
