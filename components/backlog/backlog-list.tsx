import Link from "next/link";
import { formatDate, plural } from "@/components/insights/format";
import { currentVoteText } from "@/components/insights/rating-colors";
import { WriteArticleLink } from "@/components/search-insights/write-article-link";
import { Badge } from "@/components/ui/badge";
import { buttonClass, cardClass } from "@/components/ui/styles";
import type { ArticleToFixItem, BacklogItem, MissingArticleItem } from "@/lib/staff/backlog";

/** The backlog, most pressing first: each item with its evidence and the one thing to do about it. */
export function BacklogList({ items, firstRank = 1 }: { items: BacklogItem[]; firstRank?: number }) {
  return (
    <ol className="space-y-4">
      {items.map((item, index) => (
        <li key={item.key} className={`${cardClass} px-5 py-4`}>
          <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
            <div className="min-w-0">
              <p className="text-sm text-slate-600">
                <span className="font-semibold text-slate-700">#{firstRank + index}</span>{" "}
                {item.kind === "missing" ? <Badge tone="amber">Missing article</Badge> : <Badge tone="red">Article to improve</Badge>}
              </p>
              <h2 className="mt-1.5 text-lg font-semibold break-words text-slate-900">{item.kind === "missing" ? `“${item.title}”` : item.title}</h2>
              <p className="mt-0.5 text-sm text-slate-600">
                {item.kind === "missing"
                  ? `${plural(item.customers, "search", "searches")} found nothing`
                  : `${plural(item.customers, "reader")} left Sad comments`}{" "}
                · last on {formatDate(item.lastSeen)}
              </p>
            </div>
            {item.kind === "missing" ? (
              <WriteArticleLink query={item.title} button />
            ) : (
              <Link href={item.editHref} aria-label={`Improve this article: ${item.title}`} className={buttonClass("primary")}>
                Improve this article
              </Link>
            )}
          </div>
          {item.kind === "missing" ? <QueryEvidence item={item} /> : <CommentEvidence item={item} />}
        </li>
      ))}
    </ol>
  );
}

/** Wordings shown per missing article, most searched first; the rest are summed up in a line. */
const QUERIES_SHOWN = 12;

function QueryEvidence({ item }: { item: MissingArticleItem }) {
  const shown = item.queries.slice(0, QUERIES_SHOWN);
  const rest = item.queries.slice(QUERIES_SHOWN);
  return (
    <div className="mt-3">
      <h3 className="text-sm font-medium text-slate-700">What customers typed</h3>
      <ul className="mt-1.5 flex flex-wrap gap-2" aria-label={`Searches for “${item.title}”`}>
        {shown.map((q) => (
          <li key={q.query} className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-800">
            {q.query} <span className="text-slate-600">× {q.count}</span>
          </li>
        ))}
      </ul>
      {rest.length > 0 && (
        <p className="mt-1.5 text-sm text-slate-600">
          and {plural(rest.length, "other wording")} (
          {plural(
            rest.reduce((sum, q) => sum + q.count, 0),
            "search",
            "searches",
          )}
          )
        </p>
      )}
    </div>
  );
}

function CommentEvidence({ item }: { item: ArticleToFixItem }) {
  return (
    <div className="mt-3">
      <h3 className="text-sm font-medium text-slate-700">
        What readers said{item.commentCount > item.comments.length ? ` (newest ${item.comments.length} of ${item.commentCount})` : ""}
      </h3>
      <ul className="mt-1.5 space-y-2">
        {item.comments.map((comment, i) => (
          <li key={i} className="border-l-4 border-red-200 pl-3 text-sm">
            <p className="break-words whitespace-pre-line text-slate-800">{comment.text}</p>
            <p className="text-xs text-slate-600">
              {formatDate(comment.at)} · {currentVoteText(comment.currentRating)}
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm">
        {item.published ? (
          <Link
            href={item.viewHref}
            aria-label={`Read it as customers see it: ${item.title}`}
            className="font-medium text-brand-700 underline hover:text-brand-800"
          >
            Read it as customers see it
          </Link>
        ) : (
          <span className="text-slate-600">Not published at the moment.</span>
        )}
      </p>
    </div>
  );
}
