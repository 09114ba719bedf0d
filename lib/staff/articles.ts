// Articles as staff see them: every article whatever its status, with how readers received it,
// and the state the editor opens on. Writes live beside it: drafts.ts (autosave),
// articles-publish.ts (publishing), articles-status.ts (unpublish, archive, delete, restore).
import type { Database } from "../db-client";
import { HttpError, parseOrThrow } from "../http";
import { authorize, type StaffContext } from "../auth/roles";
import { ARTICLE_STATUSES, type ArticleStatus } from "../content/schema";
import { getHeadRevision, revisionToContent } from "./publishing";
import { slugFromTitle } from "./articles-slug";
import { type RatingCounts, noRatings, ratingCountsByArticle, satisfactionScore } from "./score";
import { type ArticleListQuery, type CreateArticleInput, type DraftContent, createArticleSchema } from "./articles-schema";

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

function parseStatus(value: string): ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value) ? (value as ArticleStatus) : "draft";
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
      status: parseStatus(row.status),
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

export async function listCategoryOptions(ctx: StaffContext) {
  authorize(ctx.actor, "editor");
  return ctx.db.category.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true } });
}

async function unusedSlug(db: Database, base: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const [article, redirect] = await Promise.all([
      db.article.findUnique({ where: { slug: candidate }, select: { id: true } }),
      db.slugRedirect.findUnique({ where: { fromSlug: candidate }, select: { fromSlug: true } }),
    ]);
    if (!article && !redirect) return candidate;
  }
  throw new HttpError(409, "Could not find a free slug for this title; choose another title.");
}

/** A new, unpublished article with a working draft; customers see nothing until it is published. */
export async function createArticle(ctx: StaffContext, input: CreateArticleInput) {
  const actor = authorize(ctx.actor, "editor");
  const { title, categorySlug } = parseOrThrow(createArticleSchema, input);
  const category = await ctx.db.category.findUnique({ where: { slug: categorySlug }, select: { slug: true } });
  if (!category) throw new HttpError(422, `There is no category "${categorySlug}".`, { categorySlug: "choose one of the categories" });
  const slug = await unusedSlug(ctx.db, slugFromTitle(title));
  return ctx.db.article.create({
    data: {
      slug,
      title,
      description: "",
      categorySlug,
      status: "draft",
      contentUpdatedAt: new Date(),
      draft: { create: { slug, title, description: "", categorySlug, body: "", version: 1, updatedById: actor.id } },
    },
    select: { id: true, slug: true, title: true, status: true },
  });
}

export interface EditorState {
  article: { id: string; slug: string; status: ArticleStatus; deleted: boolean; published: boolean; categorySlug: string };
  head: { id: string; author: string; createdAt: Date } | null;
  draft: { version: number; updatedAt: Date; updatedBy: string | null } | null;
  /** What the editor opens on: the draft if there is one, else the newest revision. */
  content: DraftContent;
  version: number;
  baseRevisionId: string | null;
  categories: { slug: string; name: string }[];
}

export async function getEditorState(ctx: StaffContext, articleId: string): Promise<EditorState> {
  authorize(ctx.actor, "editor");
  const article = await ctx.db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      categorySlug: true,
      tags: true,
      related: true,
      status: true,
      deletedAt: true,
      publishedRevisionId: true,
      draft: { include: { updatedBy: { select: { name: true } } } },
    },
  });
  if (!article) throw new HttpError(404, "There is no such article.");
  const [head, categories] = await Promise.all([getHeadRevision(ctx.db, articleId), listCategoryOptions(ctx)]);
  const status = parseStatus(article.status);
  const { draft } = article;
  const source = draft ?? (head ? { ...head, slug: article.slug } : { ...article, body: "" });
  return {
    article: { id: article.id, slug: article.slug, status, deleted: article.deletedAt !== null, published: status === "published" && !article.deletedAt, categorySlug: article.categorySlug },
    head: head ? { id: head.id, author: head.author, createdAt: head.createdAt } : null,
    draft: draft ? { version: draft.version, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy?.name ?? null } : null,
    content: revisionToContent(source.slug, source),
    version: draft?.version ?? 0,
    baseRevisionId: draft ? draft.baseRevisionId : (head?.id ?? null),
    categories,
  };
}
