// /sitemap.xml (sitemaps.org 0.9): the home page, the contact page, every category with a
// published article and every published article and translation, each article and category with
// the date its content last changed. Every address names its versions in the other languages
// (hreflang alternates, as Google reads them from sitemaps): the home, contact and category pages
// exist in every language; an article in the languages it is translated into.
import { DEFAULT_LOCALE, languageTag, LOCALES, localePath, type Locale } from "../i18n/locales";
import type { LibrarySnapshot } from "./library";
import { escapeXml, xmlDocument } from "./xml";

const day = (date: Date) => date.toISOString().slice(0, 10);

type Version = { locale: Locale; path: string };

export function buildSitemap(library: Pick<LibrarySnapshot, "articles" | "translations" | "categories" | "updatedAt">, origin: string): string {
  const href = (path: string) => escapeXml(new URL(path, origin).href);
  const url = (path: string, versions: Version[], lastmod?: Date) => {
    const alternates =
      versions.length > 1
        ? [
            ...versions.map((version) => `<xhtml:link rel="alternate" hreflang="${languageTag(version.locale)}" href="${href(version.path)}"/>`),
            ...versions
              .filter((version) => version.locale === DEFAULT_LOCALE)
              .map((version) => `<xhtml:link rel="alternate" hreflang="x-default" href="${href(version.path)}"/>`),
          ].join("")
        : "";
    return `  <url><loc>${href(path)}</loc>${lastmod && lastmod.getTime() > 0 ? `<lastmod>${day(lastmod)}</lastmod>` : ""}${alternates}</url>`;
  };
  /** A page every language has, at the same path under each prefix. */
  const everywhere = (path: string, lastmod?: Date) => {
    const versions = LOCALES.map((locale) => ({ locale, path: localePath(locale, path) }));
    return versions.map((version) => url(version.path, versions, lastmod));
  };
  const translationsOf = new Map<string, typeof library.translations>();
  for (const translation of library.translations) translationsOf.set(translation.sourceId, [...(translationsOf.get(translation.sourceId) ?? []), translation]);
  const articles = library.articles.flatMap((source) => {
    const all = [source, ...(translationsOf.get(source.id) ?? [])];
    const versions = all.map((article) => ({ locale: article.locale, path: localePath(article.locale, `/articles/${article.slug}`) }));
    return all.map((article, i) => url(versions[i]!.path, versions, article.updatedAt));
  });
  const entries = [
    ...everywhere("/", library.updatedAt),
    ...everywhere("/contact"),
    ...library.categories.flatMap((category) => everywhere(`/categories/${category.slug}`, category.updatedAt)),
    ...articles,
  ];
  return xmlDocument(
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join("\n")}\n</urlset>`,
  );
}
