// The metadata every customer page carries for search engines and link previews: its canonical
// address, Open Graph and Twitter cards with an image (lib/seo/social-card.tsx). Next writes
// relative addresses out in full from `metadataBase` (app/layout.tsx: SITE_URL, lib/site-url.ts).
import type { Metadata } from "next";
import { siteConfig } from "../site-config";

/** Open Graph's spelling of the site's language (html lang="en-AU"). */
const OG_LOCALE = "en_AU";
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
  /** The canonical path, such as /articles/mx-records. */
  path: string;
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
    alternates: { canonical: path, ...(alternateTypes ? { types: alternateTypes } : {}) },
    openGraph: {
      siteName: siteConfig.name,
      locale: OG_LOCALE,
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
