// Published articles as the customer site sees them. The one module that reads articles for the
// site: it reshapes Prisma rows into the app's own types.
import type { SiteContext } from "../context";
import { parseStoredList } from "./stored-list";

export interface ArticleSummary {
  slug: string;
  title: string;
  description: string;
  categorySlug: string;
  categoryName: string;
}

export interface ArticleView extends ArticleSummary {
  id: string;
  revisionId: string;
  body: string;
  tags: string[];
  related: string[];
  updatedAt: Date;
}

export interface CategoryWithCount {
  slug: string;
  name: string;
  description: string;
  articleCount: number;
}

/**
 * What customers may see: the one condition every read in this module applies, so a rule added
 * here (such as leaving out articles meant for staff only) reaches the pages, search, the sitemap,
 * feeds, llms.txt and the Markdown copies alike.
 */
const published = { status: "published", deletedAt: null, publishedRevisionId: { not: null } } as const;

const summarySelect = {
  slug: true,
  title: true,
  description: true,
  categorySlug: true,
  category: { select: { name: true } },
} as const;

function toSummary(row: { slug: string; title: string; description: string; categorySlug: string; category: { name: string } }): ArticleSummary {
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    categorySlug: row.categorySlug,
    categoryName: row.category.name,
  };
}

export async function getPublishedArticle({ db }: SiteContext, slug: string): Promise<ArticleView | null> {
  const row = await db.article.findFirst({
    where: { slug, ...published },
    select: {
      ...summarySelect,
      id: true,
      contentUpdatedAt: true,
      publishedRevision: { select: { id: true, body: true, tags: true, related: true } },
    },
  });
  if (!row?.publishedRevision) return null;
  return {
    ...toSummary(row),
    id: row.id,
    revisionId: row.publishedRevision.id,
    body: row.publishedRevision.body,
    tags: parseStoredList(row.publishedRevision.tags),
    related: parseStoredList(row.publishedRevision.related),
    updatedAt: row.contentUpdatedAt,
  };
}

/** The article's chosen related articles, topped up with others from its category. */
export async function getRelatedArticles({ db }: SiteContext, article: ArticleView, limit = 4): Promise<ArticleSummary[]> {
  const chosen = await db.article.findMany({
    where: { slug: { in: article.related }, ...published },
    select: summarySelect,
  });
  const ordered = article.related.flatMap((slug) => chosen.filter((row) => row.slug === slug)).map(toSummary);
  if (ordered.length >= limit) return ordered.slice(0, limit);
  const more = await db.article.findMany({
    where: { categorySlug: article.categorySlug, slug: { notIn: [article.slug, ...article.related] }, ...published },
    select: summarySelect,
    orderBy: { title: "asc" },
    take: limit - ordered.length,
  });
  return [...ordered, ...more.map(toSummary)];
}

export async function listCategories({ db }: SiteContext): Promise<CategoryWithCount[]> {
  const rows = await db.category.findMany({
    orderBy: { position: "asc" },
    select: { slug: true, name: true, description: true, _count: { select: { articles: { where: published } } } },
  });
  return rows.map(({ _count, ...category }) => ({ ...category, articleCount: _count.articles }));
}

export async function getCategory({ db }: SiteContext, slug: string) {
  return db.category.findUnique({ where: { slug }, select: { slug: true, name: true, description: true } });
}

export async function listArticlesInCategory({ db }: SiteContext, categorySlug: string): Promise<ArticleSummary[]> {
  const rows = await db.article.findMany({
    where: { categorySlug, ...published },
    select: summarySelect,
    orderBy: { title: "asc" },
  });
  return rows.map(toSummary);
}

/**
 * Most viewed in the last 30 days; articles nobody has viewed yet follow, most recently
 * updated first, so a new help center still has a sensible list.
 */
export async function getPopularArticles({ db }: SiteContext, limit = 6): Promise<ArticleSummary[]> {
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const viewed = await db.articleViewDay.groupBy({
    by: ["articleId"],
    where: { day: { gte: since }, article: published },
    _sum: { count: true },
    orderBy: { _sum: { count: "desc" } },
    take: limit,
  });
  const rows = await db.article.findMany({
    where: { id: { in: viewed.map((v) => v.articleId) } },
    select: { id: true, ...summarySelect },
  });
  const top = viewed.flatMap((v) => rows.filter((r) => r.id === v.articleId)).map(toSummary);
  if (top.length >= limit) return top;
  const fill = await db.article.findMany({
    where: { ...published, id: { notIn: viewed.map((v) => v.articleId) } },
    select: summarySelect,
    orderBy: [{ contentUpdatedAt: "desc" }, { title: "asc" }],
    take: limit - top.length,
  });
  return [...top, ...fill.map(toSummary)];
}

export async function findPublishedArticleId({ db }: SiteContext, slug: string) {
  const row = await db.article.findFirst({ where: { slug, ...published }, select: { id: true, publishedRevisionId: true } });
  return row;
}

export interface PublishedArticle extends ArticleSummary {
  id: string;
  revisionId: string;
  tags: string[];
  updatedAt: Date;
}

export interface PublishedArticleWithBody extends PublishedArticle {
  body: string;
}

/**
 * Every article customers may see, in slug order: the one list that search, the sitemap, the Atom
 * feed, llms.txt and llms-full.txt are built from. Bodies only when asked for.
 */
export async function listPublishedArticles(ctx: SiteContext, options: { withBody: true }): Promise<PublishedArticleWithBody[]>;
export async function listPublishedArticles(ctx: SiteContext, options?: { withBody?: false }): Promise<PublishedArticle[]>;
export async function listPublishedArticles({ db }: SiteContext, { withBody = false }: { withBody?: boolean } = {}): Promise<PublishedArticle[]> {
  const rows = await db.article.findMany({
    where: published,
    select: {
      ...summarySelect,
      id: true,
      contentUpdatedAt: true,
      publishedRevision: { select: { id: true, tags: true, body: withBody } },
    },
    orderBy: { slug: "asc" },
  });
  return rows.flatMap((row) => {
    const revision = row.publishedRevision;
    if (!revision) return [];
    const article: PublishedArticle = {
      ...toSummary(row),
      id: row.id,
      revisionId: revision.id,
      tags: parseStoredList(revision.tags),
      updatedAt: row.contentUpdatedAt,
    };
    return [withBody ? { ...article, body: revision.body ?? "" } : article];
  });
}

/** What the search index is built from. */
export async function listSearchableArticles(ctx: SiteContext) {
  const articles = await listPublishedArticles(ctx, { withBody: true });
  return articles.map(({ slug, title, description, categorySlug, categoryName, tags, body }) => ({
    slug,
    title,
    description,
    categorySlug,
    categoryName,
    tags,
    body,
  }));
}

export async function getContentVersion({ db }: SiteContext): Promise<string> {
  const [aggregate, count] = await Promise.all([db.article.aggregate({ where: published, _max: { updatedAt: true } }), db.article.count({ where: published })]);
  return `${count}:${aggregate._max.updatedAt?.getTime() ?? 0}`;
}

/** The current slug of a published article that used to be at `oldSlug`, if any (its URL keeps working). */
export async function findRenamedArticleSlug({ db }: SiteContext, oldSlug: string): Promise<string | null> {
  const row = await db.slugRedirect.findFirst({ where: { fromSlug: oldSlug, article: published }, select: { article: { select: { slug: true } } } });
  return row?.article.slug ?? null;
}

/**
 * Whether /articles/<slug> has something to show: a published article, or an old slug that now
 * redirects to one. proxy.ts asks before Next renders, so an unknown address never reaches the
 * article route or its cache.
 */
export async function articleAddressExists(ctx: SiteContext, slug: string): Promise<boolean> {
  return (await findPublishedArticleId(ctx, slug)) !== null || (await findRenamedArticleSlug(ctx, slug)) !== null;
}
