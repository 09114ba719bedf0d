// How one article's readers feel about it: counts and shares, a weekly trend, the Sad comments,
// and the score of each revision next to the one before, so staff can tell whether an edit helped.
// Every number comes from lib/feedback/score.ts, so it matches the article list and the dashboards.
import { authorize, type StaffContext } from "../auth/roles";
import { HttpError } from "../http-error";
import {
  noRatings,
  RATINGS,
  type Rating,
  type RatingCounts,
  ratingCountsByArticle,
  ratingCountsByRevision,
  ratingShares,
  satisfactionScore,
  totalRatings,
} from "../feedback/score";
import { dayKey, deletedArticleIds, ratingsBetween } from "../feedback/totals";

export const TREND_WEEKS = 12;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export interface RatingSummary {
  counts: RatingCounts;
  shares: RatingCounts;
  total: number;
  score: number | null;
}

export function summarise(counts: RatingCounts): RatingSummary {
  return { counts, shares: ratingShares(counts), total: totalRatings(counts), score: satisfactionScore(counts) };
}

/** Monday 00:00 UTC of the week `date` falls in. */
function startOfWeek(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

export interface TrendWeek extends RatingSummary {
  weekStart: Date;
}

/**
 * Ratings per week for the last TREND_WEEKS weeks (Monday to Sunday, UTC), the current week last
 * and possibly partial. A visitor has one vote per article and may change it; a changed vote
 * counts once, in the week of its latest change (Feedback.updatedAt), with its current rating —
 * the trend shows how readers feel now, not every vote ever cast.
 */
export async function getWeeklyTrend(ctx: StaffContext, where: { articleId?: string } = {}, now = new Date()): Promise<TrendWeek[]> {
  authorize(ctx.actor, "editor");
  const { db } = ctx;
  const first = new Date(startOfWeek(now).getTime() - (TREND_WEEKS - 1) * WEEK_MS);
  const { articleId } = where;
  const deleted = articleId ? [] : await deletedArticleIds(db);
  // One small count per week, never the rows: one article's from Feedback (indexed by article),
  // the whole library's from the stored daily totals.
  const buckets = await Promise.all(
    Array.from({ length: TREND_WEEKS }, async (_, i) => {
      const start = new Date(first.getTime() + i * WEEK_MS);
      const end = new Date(Math.min(start.getTime() + WEEK_MS, now.getTime() + 1));
      if (!articleId) return ratingsBetween(db, start, end, deleted);
      const rows = await db.feedback.groupBy({ by: ["rating"], where: { articleId, updatedAt: { gte: start, lt: end } }, _count: { rating: true } });
      const counts = noRatings();
      for (const row of rows) if ((RATINGS as readonly string[]).includes(row.rating)) counts[row.rating as Rating] = row._count.rating;
      return counts;
    }),
  );
  return buckets.map((counts, i) => ({ weekStart: new Date(first.getTime() + i * WEEK_MS), ...summarise(counts) }));
}

export interface RevisionScore extends RatingSummary {
  id: string;
  createdAt: Date;
  author: string;
  note: string | null;
  isPublished: boolean;
  /** The nearest earlier revision that has ratings, and how this one's score differs from it. */
  previous: { id: string; createdAt: Date; score: number } | null;
  change: number | null;
}

interface SadComment {
  id: string;
  comment: string;
  /** When the visitor wrote it. */
  at: Date;
  /** The visitor's vote now: they may have changed it after writing. */
  currentRating: Rating;
  revision: { id: string; createdAt: Date; author: string } | null;
}

export interface ArticleFeedbackInsights extends RatingSummary {
  article: { id: string; slug: string; title: string; status: string; deleted: boolean; publishedRevisionId: string | null };
  trend: TrendWeek[];
  /** Publish order, oldest first. */
  revisions: RevisionScore[];
  /** Ratings whose revision no longer exists: in the totals, not in any revision's score. */
  ratingsWithoutRevision: number;
  sadComments: SadComment[];
  sadCommentCount: number;
  viewsLast30Days: number;
}

export const SAD_COMMENT_LIMIT = 50;

export async function getArticleFeedbackInsights(ctx: StaffContext, articleId: string, now = new Date()): Promise<ArticleFeedbackInsights> {
  authorize(ctx.actor, "editor");
  const { db } = ctx;
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, slug: true, title: true, status: true, deletedAt: true, publishedRevisionId: true },
  });
  if (!article) throw new HttpError(404, "There is no article with this id; it may have been deleted.");

  const commentWhere = { feedback: { articleId } };
  const [byArticle, byRevision, revisions, trend, sadRows, sadCommentCount, views] = await Promise.all([
    ratingCountsByArticle(db, [articleId]),
    ratingCountsByRevision(db, articleId),
    db.articleRevision.findMany({
      where: { articleId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, createdAt: true, author: true, note: true },
    }),
    getWeeklyTrend(ctx, { articleId }, now),
    db.feedbackComment.findMany({
      where: commentWhere,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SAD_COMMENT_LIMIT,
      select: {
        id: true,
        body: true,
        createdAt: true,
        feedback: { select: { rating: true } },
        revision: { select: { id: true, createdAt: true, author: true } },
      },
    }),
    db.feedbackComment.count({ where: commentWhere }),
    db.articleViewDay.aggregate({ where: { articleId, day: { gt: dayKey(now, 30) } }, _sum: { count: true } }),
  ]);

  const total = summarise(byArticle.get(articleId) ?? noRatings());
  let previous: RevisionScore["previous"] = null;
  const revisionScores = revisions.map((revision): RevisionScore => {
    const summary = summarise(byRevision.get(revision.id) ?? noRatings());
    const row: RevisionScore = {
      ...revision,
      ...summary,
      isPublished: revision.id === article.publishedRevisionId,
      previous,
      change: summary.score !== null && previous ? summary.score - previous.score : null,
    };
    if (summary.score !== null) previous = { id: revision.id, createdAt: revision.createdAt, score: summary.score };
    return row;
  });
  const attributed = revisionScores.reduce((sum, revision) => sum + revision.total, 0);

  return {
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      status: article.status,
      deleted: article.deletedAt !== null,
      publishedRevisionId: article.publishedRevisionId,
    },
    ...total,
    trend,
    revisions: revisionScores,
    ratingsWithoutRevision: total.total - attributed,
    sadComments: sadRows.map((row) => ({
      id: row.id,
      comment: row.body,
      at: row.createdAt,
      currentRating: row.feedback.rating as Rating,
      revision: row.revision,
    })),
    sadCommentCount,
    viewsLast30Days: views._sum.count ?? 0,
  };
}
