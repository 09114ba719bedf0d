// "Still need help?" requests for the support team: newest first, each with the article the
// customer was reading, marked handled (by whom, when) or reopened.
import { z } from "zod";
import { authorize, type StaffContext } from "../auth/roles";
import { HttpError } from "../http-error";
import { pageCountOf } from "../paging";

export const INBOX_FILTERS = ["open", "handled", "spam", "all"] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];
const INBOX_PAGE_SIZE = 50;
/** Pages beyond this are not offered: ten thousand requests back is what search of the mail is for. */
/** Pages offered (10,000 requests); older ones are reached by filtering. Also the `?page=` ceiling. */
export const INBOX_MAX_PAGE = 200;

const STATUSES = ["open", "handled", "spam"] as const;
type RequestStatus = (typeof STATUSES)[number];

/** ?show=open|handled|spam|all; anything else shows the open requests. */
export function parseInboxFilter(value: unknown): InboxFilter {
  const first = Array.isArray(value) ? value[0] : value;
  return INBOX_FILTERS.find((filter) => filter === first) ?? "open";
}

export interface ContactRequestRow {
  id: string;
  name: string;
  email: string;
  message: string;
  status: RequestStatus;
  createdAt: Date;
  handledAt: Date | null;
  handledBy: string | null;
  article: { id: string; slug: string; title: string; published: boolean } | null;
}

export interface Inbox {
  filter: InboxFilter;
  counts: Record<InboxFilter, number>;
  requests: ContactRequestRow[];
  page: number;
  pageCount: number;
}

/** "All" is every request people sent: spam is kept apart until it is purged. */
const whereFor = (filter: InboxFilter) => (filter === "all" ? { status: { in: ["open", "handled"] } } : { status: filter });

const parseStatus = (value: string): RequestStatus => STATUSES.find((status) => status === value) ?? "open";

/** The number beside Inbox in the staff navigation. */
export async function countOpenContactRequests(ctx: StaffContext): Promise<number> {
  authorize(ctx.actor, "editor");
  return ctx.db.contactRequest.count({ where: { status: "open" } });
}

/** One page of requests, newest first, paged in the database. */
export async function listContactRequests(ctx: StaffContext, filter: InboxFilter, page = 1): Promise<Inbox> {
  authorize(ctx.actor, "editor");
  const [rows, grouped] = await Promise.all([
    ctx.db.contactRequest.findMany({
      where: whereFor(filter),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.min(Math.max(1, page), INBOX_MAX_PAGE) - 1) * INBOX_PAGE_SIZE,
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
    ctx.db.contactRequest.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const count = (status: RequestStatus) => grouped.find((row) => row.status === status)?._count._all ?? 0;
  const counts = { open: count("open"), handled: count("handled"), spam: count("spam"), all: count("open") + count("handled") };
  const pageCount = pageCountOf(counts[filter], INBOX_PAGE_SIZE, INBOX_MAX_PAGE);
  return {
    filter,
    counts,
    page: Math.min(Math.max(1, page), pageCount),
    pageCount,
    requests: rows.map(({ handledBy, article, status, ...row }) => ({
      ...row,
      status: parseStatus(status),
      handledBy: handledBy?.name ?? null,
      article: article ? { id: article.id, slug: article.slug, title: article.title, published: isPublished(article) } : null,
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
    data: input.handled ? { status: "handled", handledAt: new Date(), handledById: actor.id } : { status: "open", handledAt: null, handledById: null },
    select: { id: true, status: true, handledAt: true, handledById: true },
  });
}

const BULK_ACTIONS = ["handled", "open", "spam"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const bulkUpdateSchema = z.object({
  ids: z.preprocess(
    (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]),
    z
      .array(z.string().min(1).max(40, "is not a request id"))
      .min(1, "choose at least one request")
      .max(INBOX_PAGE_SIZE, `at most ${INBOX_PAGE_SIZE} requests at a time`),
  ),
  to: z.enum(BULK_ACTIONS, { error: "must be handled, open or spam" }),
});

/**
 * Moves the chosen requests at once: handled (recording who and when), back to open, or to spam,
 * where they stay out of the inbox and its count until the purge deletes them (lib/maintenance).
 */
export async function updateContactRequests(ctx: StaffContext, input: z.infer<typeof bulkUpdateSchema>) {
  const actor = authorize(ctx.actor, "editor");
  const data =
    input.to === "handled" ? { status: "handled", handledAt: new Date(), handledById: actor.id } : { status: input.to, handledAt: null, handledById: null };
  const { count } = await ctx.db.contactRequest.updateMany({ where: { id: { in: [...new Set(input.ids)] } }, data });
  return { count };
}
