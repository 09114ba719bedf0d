// Published articles as the customer site sees them. The one module that reads articles for the
// site: it reshapes Prisma rows into the app's own types. Every customer read filters with
// customerVisible (lib/articles/visibility.ts), so a rule added there reaches the pages, search,
// the sitemap, feeds, llms.txt and the Markdown copies alike: internal articles are never among
// them. Signed-in staff read internal articles through the *ForStaff functions, which authorize
// the reader first, and the staff's search index (listSearchableArticles(ctx, "staff")).
import { authorize, type StaffContext } from "../auth/roles";
import type { Database } from "../db-client";
import type { SiteContext } from "../context";
import { parseStoredList } from "./stored-list";
import { type ArticleAudience, customerVisible, parseAudience, publishedArticle } from "./visibility";

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
  audience: ArticleAudience;
}

export interface CategoryWithCount {
  slug: string;
  name: string;
  description: string;
  articleCount: number;
}

/** Which published articles a read may return: customerVisible for customers, publishedArticle for staff. */
type Visible = typeof customerVisible | typeof publishedArticle;

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

async function readArticle(db: Database, slug: string, visible: Visible): Promise<ArticleView | null> {
  const row = await db.article.findFirst({
    where: { slug, ...visible },
    select: {
      ...summarySelect,
      id: true,
      contentUpdatedAt: true,
      audience: true,
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
    audience: parseAudience(row.audience),
  };
}

/** A published article customers may read, or null (internal articles are null here). */
export function getPublishedArticle({ db }: SiteContext, slug: string): Promise<ArticleView | null> {
  return readArticle(db, slug, customerVisible);
}

/** A published article of any audience, for signed-in staff only (401 otherwise). */
export async function getArticleForStaff(ctx: StaffContext, slug: string): Promise<ArticleView | null> {
  authorize(ctx.actor, "editor");
  return readArticle(ctx.db, slug, publishedArticle);
}

/** The article's chosen related articles, topped up with others from its category. */
async function relatedArticles(db: Database, article: ArticleView, limit: number, visible: Visible): Promise<ArticleSummary[]> {
  const chosen = await db.article.findMany({
    where: { slug: { in: article.related }, ...visible },
    select: summarySelect,
  });
  const ordered = article.related.flatMap((slug) => chosen.filter((row) => row.slug === slug)).map(toSummary);
  if (ordered.length >= limit) return ordered.slice(0, limit);
  const more = await db.article.findMany({
    where: { categorySlug: article.categorySlug, slug: { notIn: [article.slug, ...article.related] }, ...visible },
    select: summarySelect,
    orderBy: { title: "asc" },
    take: limit - ordered.length,
  });
  return [...ordered, ...more.map(toSummary)];
}

/** Related articles customers may open: an internal one named in `related` is left out. */
export function getRelatedArticles({ db }: SiteContext, article: ArticleView, limit = 4): Promise<ArticleSummary[]> {
  return relatedArticles(db, article, limit, customerVisible);
}

/** Related articles of any audience, for signed-in staff reading an internal article. */
export async function getRelatedArticlesForStaff(ctx: StaffContext, article: ArticleView, limit = 4): Promise<ArticleSummary[]> {
  authorize(ctx.actor, "editor");
  return relatedArticles(ctx.db, article, limit, publishedArticle);
}

export async function listCategories({ db }: SiteContext): Promise<CategoryWithCount[]> {
  const rows = await db.category.findMany({
    orderBy: { position: "asc" },
    select: { slug: true, name: true, description: true, _count: { select: { articles: { where: customerVisible } } } },
  });
  return rows.map(({ _count, ...category }) => ({ ...category, articleCount: _count.articles }));
}

export async function getCategory({ db }: SiteContext, slug: string) {
  return db.category.findUnique({ where: { slug }, select: { slug: true, name: true, description: true } });
}

export async function listArticlesInCategory({ db }: SiteContext, categorySlug: string): Promise<ArticleSummary[]> {
  const rows = await db.article.findMany({
    where: { categorySlug, ...customerVisible },
    select: summarySelect,
    orderBy: { title: "asc" },
  });
  return rows.map(toSummary);
}

/** How long a process keeps the 30-day view ranking. */
const VIEW_RANKING_TTL_MS = 60_000;
/** Ranked ids kept: more than any list shows, so articles hidden since the ranking was read leave room to spare. */
const VIEW_RANKING_SIZE = 50;
const viewRankings = new WeakMap<Database, { at: number; ids: Promise<string[]> }>();

/**
 * The most viewed article ids of the last 30 days, best first, kept for a minute per process.
 * Summing 30 days of daily counts is the one costly read behind popular lists (about 200 ms at
 * 10,000 articles and 300,000 daily counts), and every 404 page shows a popular list: Next renders
 * the not-found page inside every dynamic page it renders, staff pages included. Only the ranking
 * is kept, never what may be shown: who may read each article is checked on every call.
 */
function mostViewedIds(db: Database): Promise<string[]> {
  const kept = viewRankings.get(db);
  if (kept && Date.now() - kept.at < VIEW_RANKING_TTL_MS) return kept.ids;
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const ids = db.articleViewDay
    .groupBy({ by: ["articleId"], where: { day: { gte: since } }, _sum: { count: true }, orderBy: { _sum: { count: "desc" } }, take: VIEW_RANKING_SIZE })
    .then((rows) => rows.map((row) => row.articleId));
  ids.catch(() => viewRankings.delete(db));
  viewRankings.set(db, { at: Date.now(), ids });
  return ids;
}

/**
 * Most viewed in the last 30 days; articles nobody has viewed yet follow, most recently
 * updated first, so a new help center still has a sensible list.
 */
export async function getPopularArticles({ db }: SiteContext, limit = 6): Promise<ArticleSummary[]> {
  const ranked = await mostViewedIds(db);
  const rows = await db.article.findMany({ where: { id: { in: ranked }, ...customerVisible }, select: { id: true, ...summarySelect } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const topRows = ranked.flatMap((id) => byId.get(id) ?? []).slice(0, limit);
  const top = topRows.map(toSummary);
  if (top.length >= limit) return top;
  const fill = await db.article.findMany({
    where: { ...customerVisible, id: { notIn: topRows.map((row) => row.id) } },
    select: summarySelect,
    orderBy: [{ contentUpdatedAt: "desc" }, { title: "asc" }],
    take: limit - top.length,
  });
  return [...top, ...fill.map(toSummary)];
}

/** The article customers may vote on, view or ask about: null for an internal one, as for no article. */
export async function findPublishedArticleId({ db }: SiteContext, slug: string) {
  const row = await db.article.findFirst({ where: { slug, ...customerVisible }, select: { id: true, publishedRevisionId: true } });
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

/** Published articles a read may return, in slug order, each with who may read it and its body ("" unless asked for). */
async function listArticles(
  { db }: SiteContext,
  visible: Visible,
  withBody: boolean,
): Promise<{ article: PublishedArticle; audience: ArticleAudience; body: string }[]> {
  const rows = await db.article.findMany({
    where: visible,
    select: {
      ...summarySelect,
      id: true,
      contentUpdatedAt: true,
      audience: true,
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
    return [{ article, audience: parseAudience(row.audience), body: revision.body ?? "" }];
  });
}

/**
 * Every article customers may see (customerVisible), in slug order: the one list that the
 * customers' search, the sitemap, the Atom feed, llms.txt and llms-full.txt are built from. Bodies
 * only when asked for.
 */
export async function listPublishedArticles(ctx: SiteContext, options: { withBody: true }): Promise<PublishedArticleWithBody[]>;
export async function listPublishedArticles(ctx: SiteContext, options?: { withBody?: false }): Promise<PublishedArticle[]>;
export async function listPublishedArticles(ctx: SiteContext, { withBody = false }: { withBody?: boolean } = {}): Promise<PublishedArticle[]> {
  const rows = await listArticles(ctx, customerVisible, withBody);
  return rows.map(({ article, body }) => (withBody ? { ...article, body } : article));
}

/** Who a search index is for: customers (public articles) or signed-in staff (internal ones too). */
export type SearchReaders = "customers" | "staff";
const visibleTo = (readers: SearchReaders): Visible => (readers === "staff" ? publishedArticle : customerVisible);

/** What a search index is built from: the customers' list, or for staff every published article. */
export async function listSearchableArticles(ctx: SiteContext, readers: SearchReaders = "customers") {
  const rows = await listArticles(ctx, visibleTo(readers), true);
  return rows.map(({ article: { slug, title, description, categorySlug, categoryName, tags }, body, audience }) => ({
    slug,
    title,
    description,
    categorySlug,
    categoryName,
    tags,
    body,
    audience,
  }));
}

/** A cheap fingerprint of what an index (or a list) is built from, which changes when it must be rebuilt. */
export async function getContentVersion({ db }: SiteContext, readers: SearchReaders = "customers"): Promise<string> {
  const where = visibleTo(readers);
  const [aggregate, count] = await Promise.all([db.article.aggregate({ where, _max: { updatedAt: true } }), db.article.count({ where })]);
  return `${count}:${aggregate._max.updatedAt?.getTime() ?? 0}`;
}

/** The published article an old slug now redirects to, if any, with who may read it. */
async function renamedTarget(db: Database, oldSlug: string) {
  const row = await db.slugRedirect.findFirst({
    where: { fromSlug: oldSlug, article: publishedArticle },
    select: { article: { select: { slug: true, audience: true } } },
  });
  return row?.article ?? null;
}

/** The current slug of an article customers may read that used to be at `oldSlug`, if any (its URL keeps working). */
export async function findRenamedArticleSlug({ db }: SiteContext, oldSlug: string): Promise<string | null> {
  const row = await db.slugRedirect.findFirst({ where: { fromSlug: oldSlug, article: customerVisible }, select: { article: { select: { slug: true } } } });
  return row?.article.slug ?? null;
}

/** The same for signed-in staff: the new slug of a renamed article of any audience. */
export async function findRenamedArticleSlugForStaff(ctx: StaffContext, oldSlug: string): Promise<string | null> {
  authorize(ctx.actor, "editor");
  return (await renamedTarget(ctx.db, oldSlug))?.slug ?? null;
}

/**
 * Who may read what /articles/<slug> shows (a published article, or an old slug that now
 * redirects to one): "public", "internal", or null for nothing. proxy.ts asks before Next renders,
 * so an unknown address never reaches the article route or its cache, and an internal one reaches
 * it only for signed-in staff.
 */
export async function findArticleAudience({ db }: SiteContext, slug: string): Promise<ArticleAudience | null> {
  const article = (await db.article.findFirst({ where: { slug, ...publishedArticle }, select: { audience: true } })) ?? (await renamedTarget(db, slug));
  return article ? parseAudience(article.audience) : null;
}

/** Whether /articles/<slug> has something customers may read. */
export async function articleAddressExists(ctx: SiteContext, slug: string): Promise<boolean> {
  return (await findArticleAudience(ctx, slug)) === "public";
}
