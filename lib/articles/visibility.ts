// Who may read a published article: everyone (public), or only signed-in staff (internal). The one
// place the rule is written: every customer read (the article page, category lists, popular and
// related articles, the search index, and any list built for machines: sitemaps, feeds, Markdown
// twins) filters with `customerVisible`, so an internal article can only be reached through the
// staff's own reads, which authorize the reader first.
import { z } from "zod";

export const ARTICLE_AUDIENCES = ["public", "internal"] as const;
export type ArticleAudience = (typeof ARTICLE_AUDIENCES)[number];

export const audienceSchema = z.enum(ARTICLE_AUDIENCES, { error: 'must be "public" or "internal" (staff only)' });

/** A stored audience as the app's type. Anything but "public" reads as internal: unknown values stay hidden. */
export function parseAudience(value: string): ArticleAudience {
  return value === "public" ? "public" : "internal";
}

/** Published: a live revision, not unpublished, archived or deleted. Whoever the reader. */
export const publishedArticle = { status: "published", deletedAt: null, publishedRevisionId: { not: null } } as const;

/**
 * The where-clause of every customer read: published, and for everyone. It asks for "public"
 * exactly, so a row with any other audience (internal, or a value written by hand) is left out.
 */
export const customerVisible = { ...publishedArticle, audience: "public" } as const;

/** publishedArticle for a row already read. */
export function isPublished(row: { status: string; deletedAt: Date | null; publishedRevisionId: string | null }): boolean {
  return row.status === "published" && row.deletedAt === null && row.publishedRevisionId !== null;
}

/** customerVisible for a row already read. */
export function isCustomerVisible(row: { status: string; deletedAt: Date | null; publishedRevisionId: string | null; audience: string }): boolean {
  return isPublished(row) && row.audience === "public";
}

/** A public article may not list an internal one among its related articles: customers could not open it. */
export function internalRelatedMessage(slug: string): string {
  return `"${slug}" is internal (staff only), so customers could not open it; remove it, or make this article internal too`;
}
