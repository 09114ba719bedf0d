// Recording and reading ratings. One vote per visitor per article; voting again changes it.
import { findPublishedArticleId } from "../articles/reads";
import type { SiteContext } from "../context";
import { enforceLimit, firstViewToday, type PublicClient } from "../limits/limits";
import { HttpError } from "../http-error";
import type { Rating } from "./constants";
import type { FeedbackInput } from "./schema";

/** Records or changes the visitor's vote; `client.visitor` is the visitor id it is stored under. */
export async function recordFeedback(ctx: SiteContext, client: PublicClient & { visitor: string }, input: FeedbackInput) {
  const visitorId = client.visitor;
  const article = await findPublishedArticleId(ctx, input.article);
  if (!article) throw new HttpError(404, `There is no published article "${input.article}".`);
  await enforceLimit(ctx, "vote", client);
  const data = {
    rating: input.rating,
    comment: input.rating === "sad" && input.comment ? input.comment : null,
    revisionId: article.publishedRevisionId,
  };
  const row = await ctx.db.feedback.upsert({
    where: { articleId_visitorId: { articleId: article.id, visitorId } },
    create: { articleId: article.id, visitorId, ...data },
    update: data,
    select: { rating: true, comment: true },
  });
  return { rating: row.rating as Rating, comment: row.comment };
}

export async function getVisitorFeedback(ctx: SiteContext, visitorId: string, slug: string) {
  const article = await findPublishedArticleId(ctx, slug);
  if (!article) throw new HttpError(404, `There is no published article "${slug}".`);
  const row = await ctx.db.feedback.findUnique({
    where: { articleId_visitorId: { articleId: article.id, visitorId } },
    select: { rating: true, comment: true },
  });
  return row ? { rating: row.rating as Rating, comment: row.comment } : null;
}

/** Counts a view: once per visitor (cookie, or else address) per article per UTC day. */
export async function recordView(ctx: SiteContext, slug: string, client: PublicClient) {
  const article = await findPublishedArticleId(ctx, slug);
  if (!article) throw new HttpError(404, `There is no published article "${slug}".`);
  await enforceLimit(ctx, "view", client);
  if (!(await firstViewToday(ctx, article.id, client))) return;
  const day = new Date().toISOString().slice(0, 10);
  await ctx.db.articleViewDay.upsert({
    where: { articleId_day: { articleId: article.id, day } },
    create: { articleId: article.id, day, count: 1 },
    update: { count: { increment: 1 } },
  });
}
