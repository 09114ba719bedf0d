// Recording and reading ratings. One vote per visitor per article; voting again changes it.
// A comment is what a customer wrote: it is stored on its own (FeedbackComment), with the revision
// it was about, and no later vote changes or removes it.
import { findPublishedArticleId } from "../articles/reads";
import type { SiteContext } from "../context";
import { enforceLimit, firstViewToday, type PublicClient } from "../limits/limits";
import { HttpError } from "../http-error";
import type { Rating } from "./constants";
import type { FeedbackInput } from "./schema";

/** The visitor's vote as the widget shows it: `comment` is the one sent with this vote, if any. */
export interface VisitorVote {
  rating: Rating;
  comment: string | null;
}

/** Records or changes the visitor's vote; `client.visitor` is the visitor id it is stored under. */
export async function recordFeedback(ctx: SiteContext, client: PublicClient & { visitor: string }, input: FeedbackInput): Promise<VisitorVote> {
  const visitorId = client.visitor;
  const article = await findPublishedArticleId(ctx, input.article);
  if (!article) throw new HttpError(404, `There is no published article "${input.article}".`);
  await enforceLimit(ctx, "vote", client);
  const revisionId = article.publishedRevisionId;
  const vote = { rating: input.rating, revisionId, updatedAt: new Date() };
  const where = { articleId_visitorId: { articleId: article.id, visitorId } };
  const comment = input.rating === "sad" && input.comment ? input.comment : null;

  if (!comment) {
    // One statement: votes are most of the writes, and need no transaction.
    const row = await ctx.db.feedback.upsert({ where, create: { articleId: article.id, visitorId, ...vote }, update: vote, select: { rating: true } });
    return { rating: row.rating as Rating, comment: null };
  }
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.feedback.upsert({ where, create: { articleId: article.id, visitorId, ...vote }, update: vote, select: { id: true } });
    // A retry of the same comment (the answer to the first try was lost) is stored once.
    const latest = await tx.feedbackComment.findFirst({
      where: { feedbackId: row.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, body: true },
    });
    if (latest?.body === comment) await tx.feedbackComment.update({ where: { id: latest.id }, data: { createdAt: vote.updatedAt } });
    else await tx.feedbackComment.create({ data: { feedbackId: row.id, revisionId, body: comment, createdAt: vote.updatedAt } });
    return { rating: "sad" as const, comment };
  });
}

export async function getVisitorFeedback(ctx: SiteContext, visitorId: string, slug: string): Promise<VisitorVote | null> {
  const article = await findPublishedArticleId(ctx, slug);
  if (!article) throw new HttpError(404, `There is no published article "${slug}".`);
  const row = await ctx.db.feedback.findUnique({
    where: { articleId_visitorId: { articleId: article.id, visitorId } },
    select: { rating: true, updatedAt: true, comments: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { body: true, createdAt: true } } },
  });
  if (!row) return null;
  // A comment belongs to the vote it was sent with: after a later vote, the widget may ask again.
  const latest = row.comments[0];
  const comment = row.rating === "sad" && latest && latest.createdAt.getTime() >= row.updatedAt.getTime() ? latest.body : null;
  return { rating: row.rating as Rating, comment };
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
