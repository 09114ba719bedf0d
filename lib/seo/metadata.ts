// The metadata every customer page carries for search engines and link previews: its canonical
// address, Open Graph and Twitter cards with an image (lib/seo/social-card.tsx). Next writes
// relative addresses out in full from `metadataBase` (app/layout.tsx: SITE_URL, lib/site-url.ts).
import type { Metadata } from "next";
import { DEFAULT_LOCALE, languageTag, LOCALES, localePath, type Locale } from "../i18n/locales";
import { siteConfig } from "../site-config";

/** Open Graph's spelling of a language's tag: "en_AU" for html lang="en-AU". */
const ogLocale = (locale: Locale) => languageTag(locale).replace("-", "_");

/** A page that exists in every language at the same path (the home page, a category, search): each language's address. */
export function everyLanguage(path: string): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, localePath(locale, path)]));
}
export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;
/** The card of pages that have none of their own (lib/seo/social-card.tsx, app/og.png). */
const SITE_CARD_PATH = "/og.png";

export function articleCardPath(slug: string, revisionId: string): string {
  // The revision in the query: a new one is a new address, so caches and link previews refresh.
  return `/articles/${slug}/og.png?v=${revisionId.slice(-10)}`;
}

export interface PageMetadataInput {
  /** The page's own title; the layout's template adds the site's name in <title>. */
  title?: string;
  description?: string;
  /** The canonical path, such as /articles/mx-records or /de/articles/mx-eintraege. */
  path: string;
  /** The page's language. */
  locale?: Locale;
  /** The page's address in each language it exists in (hreflang alternates), default language first for x-default. */
  languages?: Record<Locale, string>;
  type?: "website" | "article";
  image?: { path: string; alt: string };
  /** Other representations of the page, such as its Markdown copy: { "text/markdown": "/articles/x.md" }. */
  alternateTypes?: Record<string, string>;
  modifiedTime?: Date;
  section?: string;
  tags?: string[];
}

export function pageMetadata({
  title,
  description = siteConfig.description,
  path,
  locale = DEFAULT_LOCALE,
  languages,
  type = "website",
  image,
  alternateTypes,
  modifiedTime,
  section,
  tags,
}: PageMetadataInput): Metadata {
  const card = image ?? { path: SITE_CARD_PATH, alt: `${siteConfig.name}: ${siteConfig.tagline}` };
  const images = [{ url: card.path, ...SOCIAL_CARD_SIZE, alt: card.alt, type: "image/png" }];
  const shareTitle = title ?? siteConfig.name;
  return {
    ...(title ? { title } : {}),
    description,
    alternates: {
      canonical: path,
      ...(languages ? { languages: hreflang(languages) } : {}),
      ...(alternateTypes ? { types: alternateTypes } : {}),
    },
    openGraph: {
      siteName: siteConfig.name,
      locale: ogLocale(locale),
      ...(languages
        ? {
            alternateLocale: Object.keys(languages)
              .filter((code) => code !== locale)
              .map(ogLocale),
          }
        : {}),
      url: path,
      title: shareTitle,
      description,
      images,
      ...(type === "article"
        ? {
            type: "article",
            ...(modifiedTime ? { modifiedTime: modifiedTime.toISOString() } : {}),
            ...(section ? { section } : {}),
            ...(tags?.length ? { tags } : {}),
          }
        : { type: "website" }),
    },
    twitter: { card: "summary_large_image", title: shareTitle, description, images: [{ url: card.path, alt: card.alt }] },
  };
}

/** hreflang alternates by BCP 47 tag, with x-default on the default language's address when it has one. */
function hreflang(languages: Record<Locale, string>): Record<string, string> {
  const tags = Object.fromEntries(Object.entries(languages).map(([code, path]) => [languageTag(code), path]));
  const fallback = languages[DEFAULT_LOCALE];
  return fallback ? { ...tags, "x-default": fallback } : tags;
}
