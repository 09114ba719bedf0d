// An article's slug: what a valid one is (every boundary that takes a slug parses it with
// slugSchema), how one is made from a title (the server for new articles, and the editor, where a
// never-published article's slug follows its title until someone edits it), and a free one.
// Safe in the browser: nothing here reaches the database unless it is handed one.
import { z } from "zod";
import type { Database } from "../db-client";
import { HttpError } from "../http-error";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .min(2, "must be at least 2 characters")
  .max(80, "must be at most 80 characters")
  .regex(SLUG_PATTERN, "use lowercase letters, digits and single hyphens, e.g. set-up-an-email-forwarder");

/** "Set up DKIM (Gmail)" → "set-up-dkim-gmail". */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 70)
    .replace(/-+$/, "");
  return slug.length >= 2 ? slug : "article";
}

/** The slug itself, or the first of slug-2, slug-3… that no article has and no old address redirects from. */
export async function unusedSlug(db: Database, base: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const [article, redirect] = await Promise.all([
      db.article.findUnique({ where: { slug: candidate }, select: { id: true } }),
      db.slugRedirect.findUnique({ where: { fromSlug: candidate }, select: { fromSlug: true } }),
    ]);
    if (!article && !redirect) return candidate;
  }
  throw new HttpError(409, "Could not find a free slug for this title; choose another title.");
}

/**
 * The slugs of an article's versions in other languages (its source, the source's translations):
 * their pages name it in their hreflang alternates, and where it is a translation the source's page
 * in its language stood in for it until now (or does again once it is unpublished).
 */
export async function otherLanguageSlugs(db: Database, articleId: string): Promise<string[]> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { translationOfId: true } });
  const sourceId = article?.translationOfId ?? articleId;
  const rows = await db.article.findMany({ where: { OR: [{ id: sourceId }, { translationOfId: sourceId }], NOT: { id: articleId } }, select: { slug: true } });
  return rows.map((row) => row.slug);
}
