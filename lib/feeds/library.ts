// The published library as the machine-readable outputs see it (sitemap, Atom feed, llms.txt,
// llms-full.txt): read through lib/articles/reads.ts listPublishedArticles, the one list of what
// customers may see, and kept until the published content changes. Whether it changed is one
// cheap query, made at most once a second, so a publish, `npm run content:import` from another
// process or a change made straight in the database shows on the next request.
import "server-only";
import { type CategoryWithCount, getContentVersion, listCategories, listPublishedArticles, type PublishedArticle } from "../articles/reads";
import { siteContext } from "../context";
import { TRANSLATION_LOCALES } from "../i18n/locales";
import { isDatabaseUnavailable } from "../db-errors";

export interface LibrarySnapshot {
  version: string;
  /** The default language's articles: the feed, llms.txt and the sitemap list these. */
  articles: PublishedArticle[];
  /** Published translations, in every other language: the sitemap lists them with their sources. */
  translations: PublishedArticle[];
  /** Categories in the home page's order, each with its published articles (title order); empty ones left out. */
  categories: (Omit<CategoryWithCount, "articleCount"> & { articles: PublishedArticle[]; updatedAt: Date })[];
  /** The latest change to any published article (the epoch when there is none). */
  updatedAt: Date;
}

const VERSION_TTL_MS = 1_000;
let checked: { at: number; version: Promise<string> } | null = null;
let current: { version: string; snapshot: Promise<LibrarySnapshot> } | null = null;

function contentVersion(): Promise<string> {
  if (checked && Date.now() - checked.at < VERSION_TTL_MS) return checked.version;
  const version = getContentVersion(siteContext());
  checked = { at: Date.now(), version };
  version.catch(() => (checked = null));
  return version;
}

export async function getLibrarySnapshot(): Promise<LibrarySnapshot> {
  let version: string;
  try {
    version = await contentVersion();
  } catch (error) {
    // The database is not answering: the last snapshot read keeps these documents served.
    if (current && isDatabaseUnavailable(error)) return current.snapshot;
    throw error;
  }
  if (current?.version !== version) {
    const snapshot = readSnapshot(version);
    current = { version, snapshot };
    snapshot.catch(() => {
      if (current?.snapshot === snapshot) current = null;
    });
  }
  return current.snapshot;
}

async function readSnapshot(version: string): Promise<LibrarySnapshot> {
  const [articles, categoryRows, ...inOtherLanguages] = await Promise.all([
    listPublishedArticles(siteContext()),
    listCategories(siteContext()),
    ...TRANSLATION_LOCALES.map((locale) => listPublishedArticles(siteContext(), { locale })),
  ]);
  // A language's list also holds the sources not translated yet (marked with their language): not translations.
  const translations = inOtherLanguages.flat().filter((article) => !article.language);
  const latest = (list: PublishedArticle[]) => new Date(Math.max(0, ...list.map((a) => a.updatedAt.getTime())));
  const categories = categoryRows.flatMap(({ slug, name, description }) => {
    const category = { slug, name, description };
    const inCategory = articles.filter((a) => a.categorySlug === category.slug).sort((a, b) => a.title.localeCompare(b.title, "en"));
    return inCategory.length > 0 ? [{ ...category, articles: inCategory, updatedAt: latest(inCategory) }] : [];
  });
  return { version, articles, translations, categories, updatedAt: latest([...articles, ...translations]) };
}
