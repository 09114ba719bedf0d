// Published articles as the customer site sees them. The one module that reads articles for the
// site: it reshapes Prisma rows into the app's own types. Every customer read filters with
// customerVisible (lib/articles/visibility.ts), so a rule added there reaches the pages, search,
// the sitemap, feeds, llms.txt and the Markdown copies alike: internal articles are never among
// them. Signed-in staff read internal articles through the *ForStaff functions, which authorize
// the reader first, and the staff's search index (listSearchableArticles(ctx, "staff")).
//
// Languages: every article starts in the default language; a translation points to that source.
// Lists in a language show, for each source, its translation in that language when one is
// published, and otherwise the source itself, marked with its language (`language`), so an
// untranslated article stays reachable. Lists in the default language hold sources only.
import { authorize, type StaffContext } from "../auth/roles";
import type { Database } from "../db-client";
import type { SiteContext } from "../context";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { parseStoredList } from "./stored-list";
import { type ArticleAudience, customerVisible, parseAudience, publishedArticle } from "./visibility";

export interface ArticleSummary {
  slug: string;
  title: string;
  description: string;
  categorySlug: string;
  categoryName: string;
  /** Set when the article is not in the list's language: a source shown because it has no translation yet. */
  language?: Locale;
}

export interface ArticleView extends ArticleSummary {
  id: string;
  revisionId: string;
  body: string;
  tags: string[];
  related: string[];
  updatedAt: Date;
  audience: ArticleAudience;
  /** The language it is written in. */
  locale: Locale;
  /** The default-language article it translates, or its own id for a source. */
  sourceId: string;
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
  locale: true,
  category: { select: { name: true, translations: true } },
} as const;

type SummaryRow = { slug: string; title: string; description: string; categorySlug: string; locale: string; category: { name: string; translations: string } };

/** A category's name and description in a language, from its stored translations (the default language's words when there are none). */
function categoryText(category: { name: string; description?: string; translations: string }, locale: Locale): { name: string; description: string } {
  const own = { name: category.name, description: category.description ?? "" };
  if (locale === DEFAULT_LOCALE) return own;
  try {
    const translated = (JSON.parse(category.translations) as Record<string, { name?: unknown; description?: unknown } | undefined>)[locale];
    return {
      name: typeof translated?.name === "string" ? translated.name : own.name,
      description: typeof translated?.description === "string" ? translated.description : own.description,
    };
  } catch {
    return own;
  }
}

/** A row as a list item in `locale` (the article's own language when not given). */
function toSummary(row: SummaryRow, locale: Locale = row.locale): ArticleSummary {
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    categorySlug: row.categorySlug,
    categoryName: categoryText(row.category, locale).name,
    ...(row.locale !== locale ? { language: row.locale } : {}),
  };
}

/** A source's select with its published translation in `locale` (none asked for in the default language). */
function withTranslation(locale: Locale, visible: Visible) {
  const translations = { translations: { where: { locale, ...visible }, select: summarySelect, take: 1 } };
  // Typed as if always asked for, so Prisma infers the rows' shape; inLanguage reads it as optional.
  return (locale === DEFAULT_LOCALE ? {} : translations) as typeof translations;
}

/** A source row as `locale` shows it: its translation there, or itself marked with its language. */
function inLanguage(row: SummaryRow & { translations?: SummaryRow[] }, locale: Locale): ArticleSummary {
  return toSummary(row.translations?.[0] ?? row, locale);
}

/** Sources only: the rows every language's lists start from. */
const sources = { locale: DEFAULT_LOCALE } as const;

async function readArticle(db: Database, slug: string, visible: Visible, locale?: Locale): Promise<ArticleView | null> {
  const row = await db.article.findFirst({
    where: { slug, ...visible },
    select: {
      ...summarySelect,
      id: true,
      contentUpdatedAt: true,
      audience: true,
      translationOfId: true,
      publishedRevision: { select: { id: true, body: true, tags: true, related: true } },
    },
  });
  if (!row?.publishedRevision) return null;
  return {
    ...toSummary(row, locale),
    id: row.id,
    locale: row.locale,
    sourceId: row.translationOfId ?? row.id,
    revisionId: row.publishedRevision.id,
    body: row.publishedRevision.body,
    tags: parseStoredList(row.publishedRevision.tags),
    related: parseStoredList(row.publishedRevision.related),
    updatedAt: row.contentUpdatedAt,
    audience: parseAudience(row.audience),
  };
}

/**
 * A published article customers may read, or null (internal articles are null here); its category
 * named in the page's language `locale` (the article's own by default).
 */
export function getPublishedArticle({ db }: SiteContext, slug: string, locale?: Locale): Promise<ArticleView | null> {
  return readArticle(db, slug, customerVisible, locale);
}

/** A published article of any audience, for signed-in staff only (401 otherwise). */
export async function getArticleForStaff(ctx: StaffContext, slug: string): Promise<ArticleView | null> {
  authorize(ctx.actor, "editor");
  return readArticle(ctx.db, slug, publishedArticle);
}

/**
 * The article's chosen related articles, topped up with others from its category, as `locale`
 * shows them. `related` names sources (by their default-language slugs), in every language.
 */
async function relatedArticles(db: Database, article: ArticleView, limit: number, visible: Visible, locale: Locale): Promise<ArticleSummary[]> {
  const select = { ...summarySelect, id: true, ...withTranslation(locale, visible) };
  const chosen = await db.article.findMany({ where: { slug: { in: article.related }, ...sources, ...visible }, select });
  const ordered = article.related.flatMap((slug) => chosen.filter((row) => row.slug === slug && row.id !== article.sourceId));
  if (ordered.length >= limit) return ordered.slice(0, limit).map((row) => inLanguage(row, locale));
  const more = await db.article.findMany({
    where: { categorySlug: article.categorySlug, id: { notIn: [article.sourceId, ...ordered.map((row) => row.id)] }, ...sources, ...visible },
    select,
    orderBy: { title: "asc" },
    take: limit - ordered.length,
  });
  return [...ordered, ...more].map((row) => inLanguage(row, locale));
}

/** Related articles customers may open: an internal one named in `related` is left out. */
export function getRelatedArticles({ db }: SiteContext, article: ArticleView, limit = 4, locale: Locale = article.locale): Promise<ArticleSummary[]> {
  return relatedArticles(db, article, limit, customerVisible, locale);
}

/** Related articles of any audience, for signed-in staff reading an internal article. */
export async function getRelatedArticlesForStaff(ctx: StaffContext, article: ArticleView, limit = 4): Promise<ArticleSummary[]> {
  authorize(ctx.actor, "editor");
  return relatedArticles(ctx.db, article, limit, publishedArticle, article.locale);
}

/** Categories in their order, named in `locale`, each with how many articles customers can open there (in any language). */
export async function listCategories({ db }: SiteContext, locale: Locale = DEFAULT_LOCALE): Promise<CategoryWithCount[]> {
  const rows = await db.category.findMany({
    orderBy: { position: "asc" },
    select: { slug: true, name: true, description: true, translations: true, _count: { select: { articles: { where: { ...customerVisible, ...sources } } } } },
  });
  return rows.map(({ _count, slug, ...category }) => ({ slug, ...categoryText(category, locale), articleCount: _count.articles }));
}

export async function getCategory({ db }: SiteContext, slug: string, locale: Locale = DEFAULT_LOCALE) {
  const row = await db.category.findUnique({ where: { slug }, select: { slug: true, name: true, description: true, translations: true } });
  return row ? { slug: row.slug, ...categoryText(row, locale) } : null;
}

/** A category's articles as `locale` shows them (translations, and untranslated sources marked), by title. */
export async function listArticlesInCategory({ db }: SiteContext, categorySlug: string, locale: Locale = DEFAULT_LOCALE): Promise<ArticleSummary[]> {
  const rows = await db.article.findMany({
    where: { categorySlug, ...customerVisible, ...sources },
    select: { ...summarySelect, ...withTranslation(locale, customerVisible) },
  });
  return rows.map((row) => inLanguage(row, locale)).sort((a, b) => a.title.localeCompare(b.title, locale));
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
export async function getPopularArticles({ db }: SiteContext, limit = 6, locale: Locale = DEFAULT_LOCALE): Promise<ArticleSummary[]> {
  const ranked = await mostViewedIds(db);
  // Views count per article, translations too: each is ranked as its source, once.
  const viewed = await db.article.findMany({ where: { id: { in: ranked } }, select: { id: true, translationOfId: true } });
  const sourceOf = new Map(viewed.map((row) => [row.id, row.translationOfId ?? row.id]));
  const rankedSources = [...new Set(ranked.flatMap((id) => sourceOf.get(id) ?? []))];
  const select = { ...summarySelect, id: true, ...withTranslation(locale, customerVisible) };
  const rows = await db.article.findMany({ where: { id: { in: rankedSources }, ...sources, ...customerVisible }, select });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const topRows = rankedSources.flatMap((id) => byId.get(id) ?? []).slice(0, limit);
  if (topRows.length >= limit) return topRows.map((row) => inLanguage(row, locale));
  const fill = await db.article.findMany({
    where: { ...customerVisible, ...sources, id: { notIn: topRows.map((row) => row.id) } },
    select,
    orderBy: [{ contentUpdatedAt: "desc" }, { title: "asc" }],
    take: limit - topRows.length,
  });
  return [...topRows, ...fill].map((row) => inLanguage(row, locale));
}

/** The article customers may vote on, view or ask about: null for an internal one, as for no article. */
export async function findPublishedArticleId({ db }: SiteContext, slug: string) {
  const row = await db.article.findFirst({ where: { slug, ...customerVisible }, select: { id: true, publishedRevisionId: true } });
  return row;
}

export interface PublishedArticle extends ArticleSummary {
  id: string;
  /** The language it is written in (a list in another language marks it with \`language\` too). */
  locale: Locale;
  /** The default-language article it translates, or its own id for a source. */
  sourceId: string;
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
  locale: Locale,
): Promise<{ article: PublishedArticle; audience: ArticleAudience; body: string }[]> {
  const rows = await db.article.findMany({
    // The language's own articles, and the sources that stand in for those not translated yet.
    where: { ...visible, locale: { in: [...new Set([DEFAULT_LOCALE, locale])] } },
    select: {
      ...summarySelect,
      id: true,
      translationOfId: true,
      contentUpdatedAt: true,
      audience: true,
      publishedRevision: { select: { id: true, tags: true, body: withBody } },
    },
    orderBy: { slug: "asc" },
  });
  const translated = new Set(rows.flatMap((row) => (row.locale === locale && row.translationOfId ? [row.translationOfId] : [])));
  return rows.flatMap((row) => {
    const revision = row.publishedRevision;
    if (!revision || translated.has(row.id)) return [];
    const article: PublishedArticle = {
      ...toSummary(row, locale),
      id: row.id,
      locale: row.locale,
      sourceId: row.translationOfId ?? row.id,
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
type ListOptions = { locale?: Locale };
export async function listPublishedArticles(ctx: SiteContext, options: ListOptions & { withBody: true }): Promise<PublishedArticleWithBody[]>;
export async function listPublishedArticles(ctx: SiteContext, options?: ListOptions & { withBody?: false }): Promise<PublishedArticle[]>;
export async function listPublishedArticles(
  ctx: SiteContext,
  { withBody = false, locale = DEFAULT_LOCALE }: ListOptions & { withBody?: boolean } = {},
): Promise<PublishedArticle[]> {
  const rows = await listArticles(ctx, customerVisible, withBody, locale);
  return rows.map(({ article, body }) => (withBody ? { ...article, body } : article));
}

/** Who a search index is for: customers (public articles) or signed-in staff (internal ones too). */
export type SearchReaders = "customers" | "staff";
const visibleTo = (readers: SearchReaders): Visible => (readers === "staff" ? publishedArticle : customerVisible);

/**
 * What a language's search index is built from: the customers' list, or for staff every published
 * article; in a language other than the default, its translations and the untranslated sources
 * (marked with their \`language\`).
 */
export async function listSearchableArticles(ctx: SiteContext, readers: SearchReaders = "customers", locale: Locale = DEFAULT_LOCALE) {
  const rows = await listArticles(ctx, visibleTo(readers), true, locale);
  return rows.map(({ article: { slug, title, description, categorySlug, categoryName, tags, language }, body, audience }) => ({
    ...(language ? { language } : {}),
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

/** One language's version of an article customers may read: the source or a published translation. */
export interface ArticleVersion {
  locale: Locale;
  slug: string;
}

/**
 * Every language an article can be read in by customers (its source and its published, public
 * translations), for hreflang alternates and the language switcher. Given any version's source id.
 */
export async function listArticleVersions({ db }: SiteContext, sourceId: string): Promise<ArticleVersion[]> {
  const rows = await db.article.findMany({
    where: { OR: [{ id: sourceId }, { translationOfId: sourceId }], ...customerVisible },
    select: { locale: true, slug: true },
  });
  return rows.map((row) => ({ locale: row.locale, slug: row.slug }));
}
