// Recording and reading ratings. One vote per visitor per article; voting again changes it.
import { findPublishedArticleId } from "../articles/reads";
import type { SiteContext } from "../context";
import { HttpError } from "../http-error";
import type { Rating } from "./constants";
import type { FeedbackInput } from "./schema";

export async function recordFeedback(ctx: SiteContext, visitorId: string, input: FeedbackInput) {
  const article = await findPublishedArticleId(ctx, input.article);
  if (!article) throw new HttpError(404, `There is no published article "${input.article}".`);
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

export async function recordView(ctx: SiteContext, slug: string) {
  const article = await findPublishedArticleId(ctx, slug);
  if (!article) throw new HttpError(404, `There is no published article "${slug}".`);
  const day = new Date().toISOString().slice(0, 10);
  await ctx.db.articleViewDay.upsert({
    where: { articleId_day: { articleId: article.id, day } },
    create: { articleId: article.id, day, count: 1 },
    update: { count: { increment: 1 } },
  });
}
