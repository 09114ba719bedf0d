// Records finished customer searches and which result, if any, was opened. No visitor id, no IP
// address, no cookie: a row says what was searched and how it went, never who searched.
import { customerVisible } from "../articles/visibility";
import type { SiteContext } from "../context";
import { HttpError } from "../http-error";
import { DEFAULT_LOCALE } from "../i18n/locales";
import { enforceLimit, type PublicClient } from "../limits/limits";
import { searchEventIdSchema, type SearchEventInput } from "./schema";

/** Customers' searches open customers' articles: an internal slug is refused like an unknown one. */
async function assertPublished({ db }: SiteContext, slug: string) {
  const article = await db.article.findFirst({ where: { slug, ...customerVisible }, select: { id: true } });
  if (!article) throw new HttpError(422, `slug: there is no published article "${slug}".`, { slug: "is not a published article" });
}

export async function recordSearchEvent(ctx: SiteContext, input: SearchEventInput, client: PublicClient): Promise<{ id: string }> {
  if (input.openedSlug !== undefined) {
    await assertPublished(ctx, input.openedSlug);
    if (input.resultCount === 0)
      throw new HttpError(422, "openedSlug: a search without results has nothing to open.", { openedSlug: "needs a search with results" });
  }
  await enforceLimit(ctx, "search", client);
  return ctx.db.searchEvent.create({
    data: { query: input.query, resultCount: input.resultCount, openedSlug: input.openedSlug ?? null, locale: input.locale ?? DEFAULT_LOCALE },
    select: { id: true },
  });
}

/** Notes the first result opened after a search; later ones (back, open another) keep the first. */
export async function recordSearchOpen(ctx: SiteContext, id: string, slug: string, client: PublicClient): Promise<{ id: string; openedSlug: string }> {
  const event = searchEventIdSchema.safeParse(id).success
    ? await ctx.db.searchEvent.findUnique({ where: { id }, select: { id: true, openedSlug: true, resultCount: true } })
    : null;
  if (!event) throw new HttpError(404, "There is no such search.");
  if (event.openedSlug !== null) throw new HttpError(409, "A result of this search was already opened; the first one counts.");
  if (event.resultCount === 0) throw new HttpError(422, "This search found nothing, so nothing can have been opened.");
  await assertPublished(ctx, slug);
  await enforceLimit(ctx, "search", client);
  const updated = await ctx.db.searchEvent.updateMany({ where: { id, openedSlug: null }, data: { openedSlug: slug } });
  if (updated.count === 0) throw new HttpError(409, "A result of this search was already opened; the first one counts.");
  return { id, openedSlug: slug };
}
