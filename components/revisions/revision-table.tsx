import Link from "next/link";
import { formatDateTime, plural } from "@/components/insights/format";
import { ScoreValue } from "@/components/insights/score-change";
import { Badge } from "@/components/ui/badge";
import { buttonClass, tableClass } from "@/components/ui/styles";
import { FIELD_LABELS } from "@/lib/articles/revision-diff";
import type { ArticleHistory, RevisionListItem } from "@/lib/articles/revisions";

// A table on wide screens; on phones each row becomes a card and each cell says what it is.
const cell = "block px-3 py-1 align-top sm:table-cell sm:border-b sm:border-slate-100 sm:py-3";
const cellLabel = "font-medium text-slate-600 sm:hidden";
const th = "border-b border-slate-200 px-3 py-2 font-semibold text-slate-700";

function Changes({ revision }: { revision: RevisionListItem }) {
  if (revision.isFirst) return <span>First version</span>;
  const fields = revision.changedFields.map((field) => FIELD_LABELS[field]);
  const lines = revision.linesAdded || revision.linesRemoved;
  return (
    <span className="block space-y-0.5">
      {fields.length > 0 && <span className="block">{fields.join(", ")}</span>}
      {lines ? (
        <span className="block tabular-nums">
          <span className="text-emerald-800">+{revision.linesAdded}</span> <span className="text-red-700">−{revision.linesRemoved}</span>
          <span className="text-slate-600"> lines in the body</span>
          <span className="sr-only">
            : {plural(revision.linesAdded, "line")} added, {revision.linesRemoved} removed
          </span>
        </span>
      ) : null}
      {!fields.length && !lines && <span className="block text-slate-600">No content change</span>}
    </span>
  );
}

/**
 * Every revision, newest first, in a GET form: choosing two and pressing Compare reloads the page
 * with ?from=&to= — it works without JavaScript.
 */
export function RevisionTable({ history, from, to, basePath }: { history: ArticleHistory; from?: string; to?: string; basePath: string }) {
  const { revisions } = history;
  const canCompare = revisions.length > 1;
  const table = (
    <table className={`${tableClass} block sm:table`}>
      <caption className="sr-only">Revisions of {history.article.title}, newest first</caption>
      <thead className="hidden sm:table-header-group">
        <tr>
          {canCompare && (
            <th scope="col" className={th}>
              Compare
            </th>
          )}
          <th scope="col" className={th}>
            When and who
          </th>
          <th scope="col" className={th}>
            What changed
          </th>
          <th scope="col" className={`${th} text-right`}>
            Score
          </th>
          <th scope="col" className={th}>
            <span className="sr-only">Status and actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="block space-y-3 sm:table-row-group sm:space-y-0">
        {revisions.map((revision) => {
          const when = formatDateTime(revision.createdAt);
          return (
            <tr
              key={revision.id}
              data-revision={revision.id}
              className="block rounded-xl border border-slate-200 bg-white py-2 sm:table-row sm:rounded-none sm:border-0 sm:py-0"
            >
              {canCompare && (
                <td className={`${cell} whitespace-nowrap`}>
                  <span className="flex gap-4 sm:flex-col sm:gap-1">
                    <label className="flex items-center gap-1.5">
                      <input type="radio" name="from" value={revision.id} defaultChecked={revision.id === from} className="size-4 accent-brand-700" />
                      From<span className="sr-only"> the version of {when}</span>
                    </label>
                    <label className="flex items-center gap-1.5">
                      <input type="radio" name="to" value={revision.id} defaultChecked={revision.id === to} className="size-4 accent-brand-700" />
                      To<span className="sr-only"> the version of {when}</span>
                    </label>
                  </span>
                </td>
              )}
              <td className={cell}>
                <span className="block font-medium text-slate-900">{when}</span>
                <span className="block text-slate-600">by {revision.author}</span>
                {revision.note && <span className="block text-slate-700 italic">{revision.note}</span>}
              </td>
              <td className={cell}>
                <span className={cellLabel}>What changed: </span>
                <Changes revision={revision} />
              </td>
              <td className={`${cell} sm:text-right`}>
                <span className={cellLabel}>Score: </span>
                <span className="font-semibold">
                  <ScoreValue score={revision.score} />
                </span>
                <span className="block text-xs text-slate-600">{plural(revision.totalRatings, "rating")}</span>
              </td>
              <td className={`${cell} sm:text-right`}>
                {revision.isPublished && history.article.published ? (
                  <Badge tone="green">{history.article.customersSeeIt ? "Customers see this" : "Published for staff"}</Badge>
                ) : (
                  <Link
                    href={`${basePath}?restore=${encodeURIComponent(revision.id)}#restore`}
                    className="font-medium whitespace-nowrap text-brand-800 underline"
                  >
                    Restore…<span className="sr-only"> the version of {when}</span>
                  </Link>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  // A form only when there are two versions to compare (a form needs its submit button).
  if (!canCompare) return table;
  return (
    <form method="get" action={`${basePath}#comparison`} className="space-y-3">
      <p className="text-sm text-slate-600">Choose a “From” and a “To” version, then compare them.</p>
      {table}
      <button type="submit" className={buttonClass("secondary")}>
        Compare the two chosen versions
      </button>
    </form>
  );
}
