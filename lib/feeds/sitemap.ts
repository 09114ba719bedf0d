// /sitemap.xml (sitemaps.org 0.9): the home page, the contact page, every category with a
// published article and every published article, each article and category with the date its
// content last changed.
import type { LibrarySnapshot } from "./library";
import { escapeXml, xmlDocument } from "./xml";

const day = (date: Date) => date.toISOString().slice(0, 10);

export function buildSitemap(library: Pick<LibrarySnapshot, "articles" | "categories" | "updatedAt">, origin: string): string {
  const url = (path: string, lastmod?: Date) =>
    `  <url><loc>${escapeXml(new URL(path, origin).href)}</loc>${lastmod && lastmod.getTime() > 0 ? `<lastmod>${day(lastmod)}</lastmod>` : ""}</url>`;
  const entries = [
    url("/", library.updatedAt),
    url("/contact"),
    ...library.categories.map((category) => url(`/categories/${category.slug}`, category.updatedAt)),
    ...library.articles.map((article) => url(`/articles/${article.slug}`, article.updatedAt)),
  ];
  return xmlDocument(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>`);
}
