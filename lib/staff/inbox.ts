// "Still need help?" requests for the support team: newest first, each with the article the
// customer was reading, marked handled (by whom, when) or reopened.
import { z } from "zod";
import { authorize, type StaffContext } from "../auth/roles";
import { HttpError } from "../http-error";

export const INBOX_FILTERS = ["open", "handled", "all"] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];
export const INBOX_PAGE_SIZE = 100;

/** ?show=open|handled|all; anything else shows the open requests. */
export function parseInboxFilter(value: unknown): InboxFilter {
  const first = Array.isArray(value) ? value[0] : value;
  return INBOX_FILTERS.find((filter) => filter === first) ?? "open";
}

export interface ContactRequestRow {
  id: string;
  name: string;
  email: string;
  message: string;
  status: "open" | "handled";
  createdAt: Date;
  handledAt: Date | null;
  handledBy: string | null;
  article: { id: string; slug: string; title: string; published: boolean } | null;
}

export interface Inbox {
  filter: InboxFilter;
  counts: Record<InboxFilter, number>;
  requests: ContactRequestRow[];
}

/** The number beside Inbox in the staff navigation. */
export async function countOpenContactRequests(ctx: StaffContext): Promise<number> {
  authorize(ctx.actor, "editor");
  return ctx.db.contactRequest.count({ where: { status: "open" } });
}

export async function listContactRequests(ctx: StaffContext, filter: InboxFilter): Promise<Inbox> {
  authorize(ctx.actor, "editor");
  const [rows, open, handled] = await Promise.all([
    ctx.db.contactRequest.findMany({
      where: filter === "all" ? {} : { status: filter },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: INBOX_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        message: true,
        status: true,
        createdAt: true,
        handledAt: true,
        handledBy: { select: { name: true } },
        article: { select: { id: true, slug: true, title: true, status: true, deletedAt: true, publishedRevisionId: true } },
      },
    }),
    ctx.db.contactRequest.count({ where: { status: "open" } }),
    ctx.db.contactRequest.count({ where: { status: "handled" } }),
  ]);
  return {
    filter,
    counts: { open, handled, all: open + handled },
    requests: rows.map(({ handledBy, article, status, ...row }) => ({
      ...row,
      status: status === "handled" ? "handled" : "open",
      handledBy: handledBy?.name ?? null,
      article: article
        ? { id: article.id, slug: article.slug, title: article.title, published: isPublished(article) }
        : null,
    })),
  };
}

const isPublished = (article: { status: string; deletedAt: Date | null; publishedRevisionId: string | null }) =>
  article.status === "published" && article.deletedAt === null && article.publishedRevisionId !== null;

export const setHandledSchema = z.object({
  id: z.string().min(1, "names no request").max(40, "is not a request id"),
  handled: z.preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean({ error: "must be true or false" })),
});

/** Marks a request handled (recording who and when) or reopens it. */
export async function setContactHandled(ctx: StaffContext, input: z.infer<typeof setHandledSchema>) {
  const actor = authorize(ctx.actor, "editor");
  const existing = await ctx.db.contactRequest.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!existing) throw new HttpError(404, "There is no such contact request; it may have been deleted.");
  return ctx.db.contactRequest.update({
    where: { id: input.id },
    data: input.handled
      ? { status: "handled", handledAt: new Date(), handledById: actor.id }
      : { status: "open", handledAt: null, handledById: null },
    select: { id: true, status: true, handledAt: true, handledById: true },
  });
}
