// Pinned answers: for a query, staff put one article first ("cancel" → Cancel your service). Pins
// go into the search index with the synonyms, so the browser and /api/search apply them alike.
// A pin matches the whole query, whatever its case or plural ("Cancel", "cancels").
import { z } from "zod";
import { authorize, type StaffContext } from "../auth/roles";
import { HttpError } from "../http-error";
import { pinKey } from "./engine";
import { recordRuleChange } from "./rule-history";

const PIN_QUERY_MAX = 100;

const idSchema = z.string().min(1, "names nothing").max(40, "is not an id");
export const savePinSchema = z.object({
  id: idSchema.optional().or(z.literal("").transform(() => undefined)),
  query: z
    .string({ error: "must be text" })
    .trim()
    .min(2, "must have at least 2 characters")
    .max(PIN_QUERY_MAX, `must be at most ${PIN_QUERY_MAX} characters`)
    .refine((query) => pinKey(query).length > 0, "has no searchable word (only punctuation or words like “how” and “the”)"),
  articleId: z.string({ error: "choose a published article" }).min(1, "choose a published article").max(40, "is not an article id"),
});
export const deletePinSchema = z.object({ id: idSchema });

export interface SearchPinRow {
  id: string;
  query: string;
  article: { id: string; slug: string; title: string; published: boolean };
  updatedAt: Date;
}

const published = { status: "published", deletedAt: null, publishedRevisionId: { not: null } } as const;
const describePin = (query: string, title: string) => `“${query}” → ${title}`;

export async function listSearchPins(ctx: StaffContext): Promise<SearchPinRow[]> {
  authorize(ctx.actor, "editor");
  const rows = await ctx.db.searchPin.findMany({
    orderBy: [{ query: "asc" }, { id: "asc" }],
    select: {
      id: true,
      query: true,
      updatedAt: true,
      article: { select: { id: true, slug: true, title: true, status: true, deletedAt: true, publishedRevisionId: true } },
    },
  });
  return rows.map(({ article, ...row }) => ({
    ...row,
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      published: article.status === "published" && !article.deletedAt && article.publishedRevisionId !== null,
    },
  }));
}

/** Pins a published article for a query, or changes a pin (`id`). One pin per query. */
export async function saveSearchPin(ctx: StaffContext, input: z.infer<typeof savePinSchema>): Promise<SearchPinRow> {
  const actor = authorize(ctx.actor, "editor");
  const queryKey = pinKey(input.query);
  return ctx.db.$transaction(async (tx) => {
    const existing = input.id
      ? await tx.searchPin.findUnique({ where: { id: input.id }, select: { id: true, query: true, article: { select: { title: true } } } })
      : null;
    if (input.id && !existing) throw new HttpError(404, "This pin no longer exists; it may have been removed.");
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...published }, select: { id: true, slug: true, title: true } });
    if (!article) throw new HttpError(422, "articleId: choose a published article.", { articleId: "is not a published article" });
    const clash = await tx.searchPin.findUnique({ where: { queryKey }, select: { id: true, query: true } });
    if (clash && clash.id !== existing?.id) {
      const message = `already has a pin (“${clash.query}”): change or remove that one`;
      throw new HttpError(422, `query ${message}.`, { query: message });
    }
    const data = { query: input.query, queryKey, articleId: article.id };
    const saved = existing ? await tx.searchPin.update({ where: { id: existing.id }, data }) : await tx.searchPin.create({ data });
    await recordRuleChange(tx, actor, {
      kind: "pin",
      action: existing ? "changed" : "added",
      before: existing ? describePin(existing.query, existing.article.title) : null,
      after: describePin(input.query, article.title),
    });
    return { id: saved.id, query: input.query, article: { ...article, published: true }, updatedAt: saved.updatedAt };
  });
}

export async function deleteSearchPin(ctx: StaffContext, input: z.infer<typeof deletePinSchema>): Promise<{ id: string }> {
  const actor = authorize(ctx.actor, "editor");
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.searchPin.findUnique({ where: { id: input.id }, select: { id: true, query: true, article: { select: { title: true } } } });
    if (!existing) throw new HttpError(404, "This pin no longer exists; it may have been removed.");
    await tx.searchPin.delete({ where: { id: existing.id } });
    await recordRuleChange(tx, actor, { kind: "pin", action: "removed", before: describePin(existing.query, existing.article.title), after: null });
    return { id: existing.id };
  });
}

/** The articles a pin may point at: every published one, by title. */
export async function listPinnableArticles(ctx: StaffContext): Promise<{ id: string; title: string }[]> {
  authorize(ctx.actor, "editor");
  return ctx.db.article.findMany({ where: published, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true } });
}
