import { formatDateTime, plural } from "@/components/insights/format";
import type { ArticleHistory, RevisionDiff, RevisionListItem } from "@/lib/articles/revisions";
import { RestoreForm } from "./restore-form";

/**
 * The confirmation step of a restore: what customers will see change, what else it affects, and
 * the button. Reached by a plain link (?restore=<id>), so reading it needs no JavaScript.
 */
export function RestorePanel({
  history,
  revision,
  changes,
  basePath,
}: {
  history: ArticleHistory;
  revision: RevisionListItem;
  changes: RevisionDiff | null;
  basePath: string;
}) {
  const when = formatDateTime(revision.createdAt);
  const { article, draft } = history;
  return (
    <section aria-labelledby="restore" className="rounded-xl border-2 border-amber-300 bg-amber-50 p-4 sm:p-6">
      <h2 id="restore" tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
        Restore the version of {when} by {revision.author}?
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-slate-800">
        <li>
          Its title, description, category, tags, related articles and body become a new revision, published at once
          {article.published ? "" : " (the article is not published now: restoring publishes it)"}.
        </li>
        {changes && (
          <li>
            Compared with what customers see now: {changes.fields.length ? `${changes.fields.map((change) => change.label).join(", ")} change; ` : ""}
            {plural(changes.body.added, "line")} added and {changes.body.removed} removed in the body.{" "}
            <a
              href={`${basePath}?from=${encodeURIComponent(changes.from.id)}&to=${encodeURIComponent(revision.id)}#comparison`}
              className="font-medium text-brand-800 underline"
            >
              See every change
            </a>
          </li>
        )}
        <li>The address stays /articles/{article.slug}. Nothing in the history is removed: you can restore any other version later.</li>
        {draft && (
          <li className="font-medium text-amber-900">
            {draft.updatedBy ?? "Someone"} has unpublished changes in the editor (saved {formatDateTime(draft.updatedAt)}). Restoring discards them, as
            publishing does.
          </li>
        )}
      </ul>
      <div className="mt-4">
        <RestoreForm articleId={article.id} revisionId={revision.id} baseRevisionId={history.revisions[0]?.id ?? revision.id} cancelHref={basePath} />
      </div>
    </section>
  );
}
