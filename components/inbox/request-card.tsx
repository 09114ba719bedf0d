import Link from "next/link";
import { formatDateTime } from "@/components/insights/format";
import { Badge } from "@/components/ui/badge";
import { cardClass } from "@/components/ui/styles";
import type { ContactRequestRow } from "@/lib/staff/inbox";
import { BULK_FORM_ID } from "./bulk-actions";
import { HandledButton } from "./handled-button";

/** One request: who, how to reply, what they wrote (as written: line breaks kept, never HTML), and from which article. */
export function RequestCard({ request }: { request: ContactRequestRow }) {
  const handled = request.status === "handled";
  const headingId = `request-${request.id}`;
  return (
    <article aria-labelledby={headingId} className={`${cardClass} px-5 py-4`}>
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="flex min-w-0 gap-3">
          <input
            type="checkbox"
            name="ids"
            value={request.id}
            form={BULK_FORM_ID}
            aria-label={`Tick the request from ${request.name}`}
            className="mt-1 size-4 shrink-0 accent-brand-700"
          />
          <div className="min-w-0">
            <h2 id={headingId} className="text-base font-semibold break-words text-slate-900">
              {request.name}{" "}
              {request.status === "spam" ? (
                <Badge tone="neutral">Spam</Badge>
              ) : handled ? (
                <Badge tone="green">Handled</Badge>
              ) : (
                <Badge tone="amber">Open</Badge>
              )}
            </h2>
            <p className="text-sm break-all">
              <a href={`mailto:${request.email}`} className="font-medium text-brand-700 underline hover:text-brand-800">
                {request.email}
              </a>
            </p>
            <p className="mt-0.5 text-sm text-slate-600">Received {formatDateTime(request.createdAt)}</p>
          </div>
        </div>
        {request.status !== "spam" && <HandledButton id={request.id} handled={handled} name={request.name} />}
      </div>
      <p className="mt-3 rounded-lg bg-slate-50 px-4 py-3 break-words whitespace-pre-wrap text-slate-800">{request.message}</p>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
        {request.article ? (
          <p>
            From the article{" "}
            {request.article.published ? (
              <Link href={`/articles/${request.article.slug}`} className="font-medium text-brand-700 underline hover:text-brand-800">
                {request.article.title}
              </Link>
            ) : (
              <span className="font-medium text-slate-800">{request.article.title}</span>
            )}{" "}
            ·{" "}
            <Link
              href={`/staff/articles/${request.article.id}`}
              aria-label={`Edit ${request.article.title}`}
              className="font-medium text-brand-700 underline hover:text-brand-800"
            >
              Edit
            </Link>
          </p>
        ) : (
          <p>Not sent from an article</p>
        )}
        {handled && request.handledAt && (
          <p>
            Handled {formatDateTime(request.handledAt)}
            {request.handledBy ? ` by ${request.handledBy}` : ""}
          </p>
        )}
      </div>
    </article>
  );
}
