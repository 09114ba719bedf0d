// Feedback across the whole library: which articles readers rate lowest, which they read most,
// and what the latest Sad comments say. Numbers come from lib/feedback/score.ts like everywhere else.
import { authorize, type StaffContext } from "../auth/roles";
import { dayKey, type RatingSummary, summarise } from "./feedback-insights";
import { noRatings, RATINGS, type Rating, type RatingCounts, ratingCountsByArticle } from "../feedback/score";

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

async function currentRevisionSummaries(ctx: StaffContext, revisionIds: string[]): Promise<Map<string, RatingSummary>> {
  const rows = await ctx.db.feedback.groupBy({ by: ["revisionId", "rating"], where: { revisionId: { in: revisionIds } }, _count: { _all: true } });
  const counts = new Map<string, RatingCounts>();
  for (const row of rows) {
    if (!row.revisionId || !(RATINGS as readonly string[]).includes(row.rating)) continue;
    const entry = counts.get(row.revisionId) ?? noRatings();
    entry[row.rating as Rating] += row._count._all;
    counts.set(row.revisionId, entry);
  }
  return new Map(revisionIds.map((id) => [id, summarise(counts.get(id) ?? noRatings())]));
}

const articleSelect = { id: true, slug: true, title: true, publishedRevisionId: true } as const;

/** Lowest score first (more ratings first among equals); articles that are deleted are left out. */
export async function lowestRatedArticles(ctx: StaffContext, { limit = 10, minRatings = MIN_RATINGS_FOR_RANKING } = {}): Promise<ArticleScoreRow[]> {
  authorize(ctx.actor, "editor");
  const counts = await ratingCountsByArticle(ctx.db);
  const candidates = [...counts]
    .map(([id, c]) => ({ id, ...summarise(c) }))
    .filter((row) => row.total >= minRatings)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || b.total - a.total || a.id.localeCompare(b.id));
  const articles = await ctx.db.article.findMany({ where: { id: { in: candidates.map((row) => row.id) }, deletedAt: null }, select: articleSelect });
  const byId = new Map(articles.map((article) => [article.id, article]));
  const ranked = candidates
    .flatMap((row) => {
      const article = byId.get(row.id);
      return article ? [{ ...row, article }] : [];
    })
    .slice(0, limit);
  const current = await currentRevisionSummaries(
    ctx,
    ranked.flatMap((row) => (row.article.publishedRevisionId ? [row.article.publishedRevisionId] : [])),
  );
  return ranked.map(({ article, ...summary }) => ({
    ...summary,
    slug: article.slug,
    title: article.title,
    current: (article.publishedRevisionId && current.get(article.publishedRevisionId)) || summarise(noRatings()),
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
  const views = await ctx.db.articleViewDay.groupBy({
    by: ["articleId"],
    where: { day: { gt: dayKey(now, days) }, article: { deletedAt: null } },
    _sum: { count: true },
    orderBy: [{ _sum: { count: "desc" } }, { articleId: "asc" }],
    take: limit,
  });
  const ids = views.map((row) => row.articleId);
  const [articles, counts] = await Promise.all([
    ctx.db.article.findMany({ where: { id: { in: ids } }, select: articleSelect }),
    ratingCountsByArticle(ctx.db, ids),
  ]);
  const byId = new Map(articles.map((article) => [article.id, article]));
  return views.flatMap((row) => {
    const article = byId.get(row.articleId);
    return article
      ? [{ id: article.id, slug: article.slug, title: article.title, views: row._sum.count ?? 0, ...summarise(counts.get(article.id) ?? noRatings()) }]
      : [];
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
