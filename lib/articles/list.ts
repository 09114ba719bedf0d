// The staff's list of articles: every article whatever its status, with how readers received it.
import type { Database } from "../db-client";
import { authorize, type StaffContext } from "../auth/roles";
import { type RatingCounts, noRatings, ratingCountsByArticle, satisfactionScore } from "../feedback/score";
import { type ArticleListQuery, type ArticleStatus, parseArticleStatus } from "./schema";

export const LIST_PAGE_SIZE = 50;
const VIEW_WINDOW_DAYS = 30;

export interface StaffArticleRow {
  id: string;
  slug: string;
  title: string;
  categorySlug: string;
  categoryName: string;
  status: ArticleStatus;
  deleted: boolean;
  ratings: RatingCounts;
  score: number | null;
  views30d: number;
  /** The later of the last change to the article and to its draft. */
  updatedAt: Date;
  /** An autosaved draft not yet published, and who last saved it. */
  draft: { updatedAt: Date; updatedBy: string | null } | null;
}

export interface StaffArticleList {
  rows: StaffArticleRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** Every article (deleted ones only when asked for), filtered and sorted; unrated articles sort last. */
export async function listStaffArticles(
  ctx: StaffContext,
  { category, status, sort, order, page = 1 }: Omit<ArticleListQuery, "page"> & { page?: number },
): Promise<StaffArticleList> {
  authorize(ctx.actor, "editor");
  const rows = await ctx.db.article.findMany({
    where: {
      ...(category ? { categorySlug: category } : {}),
      ...(status === "deleted" ? { deletedAt: { not: null } } : { deletedAt: null, ...(status ? { status } : {}) }),
    },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      categorySlug: true,
      category: { select: { name: true } },
      publishedRevisionId: true,
      deletedAt: true,
      updatedAt: true,
      draft: { select: { title: true, updatedAt: true, updatedBy: { select: { name: true } } } },
    },
  });
  const ids = rows.map((row) => row.id);
  const [ratings, views] = await Promise.all([ratingCountsByArticle(ctx.db, ids), viewsByArticle(ctx.db, ids)]);

  const list: StaffArticleRow[] = rows.map((row) => {
    const counts = ratings.get(row.id) ?? noRatings();
    const updatedAt = row.draft && row.draft.updatedAt > row.updatedAt ? row.draft.updatedAt : row.updatedAt;
    return {
      id: row.id,
      slug: row.slug,
      // A never-published article is known by its working title.
      title: !row.publishedRevisionId && row.draft ? row.draft.title || row.title : row.title,
      categorySlug: row.categorySlug,
      categoryName: row.category.name,
      status: parseArticleStatus(row.status),
      deleted: row.deletedAt !== null,
      ratings: counts,
      score: satisfactionScore(counts),
      views30d: views.get(row.id) ?? 0,
      updatedAt,
      draft: row.draft ? { updatedAt: row.draft.updatedAt, updatedBy: row.draft.updatedBy?.name ?? null } : null,
    };
  });

  const direction = order === "asc" ? 1 : -1;
  const key = (row: StaffArticleRow): number | null =>
    sort === "score" ? row.score : sort === "views" ? row.views30d : row.updatedAt.getTime();
  list.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? a.title.localeCompare(b.title) : ka === null ? 1 : -1;
    return ka === kb ? a.title.localeCompare(b.title) : (ka - kb) * direction;
  });

  const pageCount = Math.max(1, Math.ceil(list.length / LIST_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  return { rows: list.slice((current - 1) * LIST_PAGE_SIZE, current * LIST_PAGE_SIZE), total: list.length, page: current, pageCount };
}

async function viewsByArticle(db: Database, articleIds: string[]): Promise<Map<string, number>> {
  const since = new Date(Date.now() - VIEW_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const rows = await db.articleViewDay.groupBy({
    by: ["articleId"],
    where: { day: { gte: since }, articleId: { in: articleIds } },
    _sum: { count: true },
  });
  return new Map(rows.map((row) => [row.articleId, row._sum.count ?? 0]));
}
