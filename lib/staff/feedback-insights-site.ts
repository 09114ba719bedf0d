// Feedback across the whole library: which articles readers rate lowest, which they read most,
// and what the latest Sad comments say. Numbers come from lib/feedback/score.ts like everywhere else.
import { authorize, type StaffContext } from "../auth/roles";
import { type RatingSummary, summarise } from "./feedback-insights";
import { noRatings, RATINGS, type Rating, type RatingCounts, ratingCountsByArticle } from "../feedback/score";
import { dayKey, scoreSql, VIEW_WINDOW_DAYS, viewWindowIsCurrent } from "../feedback/totals";

/**
 * An article enters the lowest-rated list only with at least this many ratings: two Sad votes
 * out of two say little, and a list full of them would hide the articles that really need work.
 */
export const MIN_RATINGS_FOR_RANKING = 5;

export interface ArticleScoreRow extends RatingSummary {
  id: string;
  slug: string;
  title: string;
  /** Ratings given on the revision customers see now: whether the latest edit is doing better. */
  current: RatingSummary;
}

/** The ratings of each article's published revision (found through the articles' own index: Feedback has none on revisions). */
async function currentRevisionSummaries(
  ctx: StaffContext,
  articles: { id: string; publishedRevisionId: string | null }[],
): Promise<Map<string, RatingSummary>> {
  const revisionIds = articles.flatMap((article) => (article.publishedRevisionId ? [article.publishedRevisionId] : []));
  const rows = await ctx.db.feedback.groupBy({
    by: ["revisionId", "rating"],
    where: { articleId: { in: articles.map((article) => article.id) }, revisionId: { in: revisionIds } },
    _count: { _all: true },
  });
  const counts = new Map<string, RatingCounts>();
  for (const row of rows) {
    if (!row.revisionId || !(RATINGS as readonly string[]).includes(row.rating)) continue;
    const entry = counts.get(row.revisionId) ?? noRatings();
    entry[row.rating as Rating] += row._count._all;
    counts.set(row.revisionId, entry);
  }
  return new Map(revisionIds.map((id) => [id, summarise(counts.get(id) ?? noRatings())]));
}

/** Lowest score first (more ratings first among equals); articles that are deleted are left out. */
export async function lowestRatedArticles(ctx: StaffContext, { limit = 10, minRatings = MIN_RATINGS_FOR_RANKING } = {}): Promise<ArticleScoreRow[]> {
  authorize(ctx.actor, "editor");
  // Ranked in the database from the stored totals: the work does not grow with the votes.
  const ranked = await ctx.db.$queryRaw<(RatingCounts & { id: string; slug: string; title: string; publishedRevisionId: string | null })[]>`
    SELECT a."id", a."slug", a."title", a."publishedRevisionId", t."happy", t."normal", t."sad"
    FROM (
      SELECT * FROM "ArticleTotals" t
      WHERE t."happy" + t."normal" + t."sad" >= ${minRatings}
        AND t."articleId" NOT IN (SELECT d."id" FROM "Article" d WHERE d."deletedAt" IS NOT NULL)
      ORDER BY ${scoreSql("t")} ASC, t."happy" + t."normal" + t."sad" DESC, t."articleId" ASC
      LIMIT ${limit}
    ) t
    JOIN "Article" a ON a."id" = t."articleId"
    ORDER BY ${scoreSql("t")} ASC, t."happy" + t."normal" + t."sad" DESC, a."id" ASC`;
  const current = await currentRevisionSummaries(ctx, ranked);
  return ranked.map((row) => ({
    id: row.id,
    ...summarise({ happy: Number(row.happy), normal: Number(row.normal), sad: Number(row.sad) }),
    slug: row.slug,
    title: row.title,
    current: (row.publishedRevisionId && current.get(row.publishedRevisionId)) || summarise(noRatings()),
  }));
}

export interface ViewedArticleRow extends RatingSummary {
  id: string;
  slug: string;
  title: string;
  views: number;
}

/** Most read over the last `days` days (today included), from the daily view counters. */
export async function mostViewedArticles(ctx: StaffContext, { days = 30, limit = 10, now = new Date() } = {}): Promise<ViewedArticleRow[]> {
  authorize(ctx.actor, "editor");
  const { db } = ctx;
  // Today's 30 days are stored per article; any other window is added up from the daily counters.
  const views =
    days === VIEW_WINDOW_DAYS && (await viewWindowIsCurrent(db, now))
      ? (
          await db.articleTotals.findMany({
            where: { views30d: { gt: 0 }, article: { deletedAt: null } },
            orderBy: [{ views30d: "desc" }, { articleId: "asc" }],
            take: limit,
            select: { articleId: true, views30d: true },
          })
        ).map((row) => ({ articleId: row.articleId, views: row.views30d }))
      : (
          await db.articleViewDay.groupBy({
            by: ["articleId"],
            where: { day: { gt: dayKey(now, days) }, article: { deletedAt: null } },
            _sum: { count: true },
            orderBy: [{ _sum: { count: "desc" } }, { articleId: "asc" }],
            take: limit,
          })
        ).map((row) => ({ articleId: row.articleId, views: row._sum.count ?? 0 }));
  const ids = views.map((row) => row.articleId);
  const [articles, counts] = await Promise.all([
    db.article.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, title: true } }),
    ratingCountsByArticle(db, ids),
  ]);
  const byId = new Map(articles.map((article) => [article.id, article]));
  return views.flatMap((row) => {
    const article = byId.get(row.articleId);
    return article ? [{ id: article.id, slug: article.slug, title: article.title, views: row.views, ...summarise(counts.get(article.id) ?? noRatings()) }] : [];
  });
}

export interface SiteSadComment {
  id: string;
  comment: string;
  /** When the visitor wrote it. */
  at: Date;
  /** The visitor's vote now: they may have changed it after writing. */
  currentRating: Rating;
  article: { id: string; slug: string; title: string };
  revision: { id: string; createdAt: Date } | null;
}

/** The comments readers sent with a Sad vote, newest first, whatever they voted afterwards. */
export async function recentSadComments(ctx: StaffContext, { limit = 20 } = {}): Promise<SiteSadComment[]> {
  authorize(ctx.actor, "editor");
  const rows = await ctx.db.feedbackComment.findMany({
    where: { feedback: { article: { deletedAt: null } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      body: true,
      createdAt: true,
      feedback: { select: { rating: true, article: { select: { id: true, slug: true, title: true } } } },
      revision: { select: { id: true, createdAt: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    comment: row.body,
    at: row.createdAt,
    currentRating: row.feedback.rating as Rating,
    article: row.feedback.article,
    revision: row.revision,
  }));
}
