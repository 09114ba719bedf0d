import Link from "next/link";
import type { Rating } from "@/lib/feedback/score";
import { formatDate, formatDateTime } from "./format";
import { currentVoteText } from "./rating-colors";

export interface SadCommentItem {
  id: string;
  comment: string;
  at: Date;
  currentRating: Rating;
  revision: { id: string; createdAt: Date } | null;
  article?: { id: string; title: string };
}

/** What readers who chose Sad said they were looking for, newest first, with how each rates the article now. */
export function SadComments({ comments, empty = "No Sad comments yet." }: { comments: SadCommentItem[]; empty?: string }) {
  if (comments.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {comments.map((item) => (
        <li key={item.id} className="py-3">
          <blockquote className="whitespace-pre-line break-words text-slate-900">“{item.comment}”</blockquote>
          <p className="mt-1 text-sm text-slate-600">
            <time dateTime={item.at.toISOString()}>{formatDateTime(item.at)}</time>
            {item.article && (
              <>
                {" · on "}
                <Link href={`/staff/articles/${item.article.id}/feedback`} className="font-medium text-brand-800 underline">
                  {item.article.title}
                </Link>
              </>
            )}
            {" · "}
            {item.revision ? `rated the version of ${formatDate(item.revision.createdAt)}` : "version no longer kept"}
            {" · "}
            {currentVoteText(item.currentRating)}
          </p>
        </li>
      ))}
    </ul>
  );
}
