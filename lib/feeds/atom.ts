// /feed.xml: an Atom feed (RFC 4287) of the most recently added or changed articles, newest first.
// Written by hand rather than with the `feed` package: Atom is a few elements, and `feed` writes
// its XML through xml-js, which has had no release since 2019. Every value goes through
// escapeXml, and the tests read the output back with a real XML parser (Chromium's DOMParser).
import { siteConfig } from "../site-config";
import type { LibrarySnapshot } from "./library";
import { escapeXml, xmlDocument } from "./xml";

const FEED_ENTRIES = 30;
export const FEED_PATH = "/feed.xml";

export function buildAtomFeed(library: Pick<LibrarySnapshot, "articles" | "updatedAt">, origin: string): string {
  const abs = (path: string) => escapeXml(new URL(path, origin).href);
  const host = new URL(origin).hostname;
  const newest = [...library.articles]
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a.title.localeCompare(b.title, "en"))
    .slice(0, FEED_ENTRIES);
  const entries = newest.map(
    (article) => `  <entry>
    <id>tag:${escapeXml(host)},2026:article:${escapeXml(article.id)}</id>
    <title type="text">${escapeXml(article.title)}</title>
    <link rel="alternate" type="text/html" href="${abs(`/articles/${article.slug}`)}"/>
    <link rel="alternate" type="text/markdown" href="${abs(`/articles/${article.slug}.md`)}"/>
    <updated>${article.updatedAt.toISOString()}</updated>
    <category term="${escapeXml(article.categorySlug)}" label="${escapeXml(article.categoryName)}"/>
    <summary type="text">${escapeXml(article.description)}</summary>
  </entry>`,
  );
  return xmlDocument(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-AU">
  <id>${abs("/")}</id>
  <title type="text">${escapeXml(siteConfig.name)}: new and updated articles</title>
  <subtitle type="text">${escapeXml(siteConfig.description)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${abs(FEED_PATH)}"/>
  <link rel="alternate" type="text/html" href="${abs("/")}"/>
  <updated>${library.updatedAt.toISOString()}</updated>
  <author><name>${escapeXml(siteConfig.company)}</name><uri>${abs("/")}</uri></author>
  <icon>${abs("/icon.svg")}</icon>
${entries.join("\n")}
</feed>`);
}
