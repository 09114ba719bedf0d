// The checks an article's content must pass before it is published: the same frontmatter rules
// and MDX allowlist as the command-line import (lib/articles/schema.ts, lib/mdx), plus what only
// the database knows (slugs in use, categories, related articles).
import type { Database } from "../db-client";
import { compileMdxInWorker } from "../mdx/compile-in-worker";
import { type ArticleContent, articleContentSchema, MAX_BODY_CHARS } from "./schema";
import { internalRelatedMessage } from "./visibility";

/** A problem to show beside its field; `line` is a line of the MDX body, counted from 1. */
export interface ContentProblem {
  field: keyof ArticleContent | "form";
  message: string;
  line?: number;
}

/** Every problem with this content, or [] when it may be published. */
export async function checkArticleContent(db: Database, input: unknown, articleId: string | null): Promise<ContentProblem[]> {
  const parsed = articleContentSchema.safeParse(input);
  const problems: ContentProblem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = (issue.path[0] as keyof ArticleContent | undefined) ?? "form";
      problems.push({ field, message: issue.path.length > 1 ? `${issue.path.slice(1).join(".")}: ${issue.message}` : issue.message });
    }
  }
  const raw = (input ?? {}) as Partial<Record<keyof ArticleContent, unknown>>;
  if (typeof raw.body === "string" && raw.body.length <= MAX_BODY_CHARS) {
    for (const problem of (await compileMdxInWorker(raw.body, { lane: "staff" })).problems) {
      problems.push({ field: "body", message: problem.message, ...(problem.line ? { line: problem.line } : {}) });
    }
  }
  if (!parsed.success) return problems;

  const content = parsed.data;
  const [category, slugOwner, redirect, relatedFound] = await Promise.all([
    db.category.findUnique({ where: { slug: content.categorySlug }, select: { slug: true } }),
    db.article.findUnique({ where: { slug: content.slug }, select: { id: true, title: true } }),
    db.slugRedirect.findUnique({ where: { fromSlug: content.slug }, select: { articleId: true } }),
    db.article.findMany({ where: { slug: { in: content.related }, status: "published", deletedAt: null }, select: { slug: true, audience: true } }),
  ]);
  if (!category) problems.push({ field: "categorySlug", message: `there is no category "${content.categorySlug}"` });
  if (slugOwner && slugOwner.id !== articleId) problems.push({ field: "slug", message: `is already used by "${slugOwner.title}"` });
  else if (redirect && redirect.articleId !== articleId)
    problems.push({ field: "slug", message: "was used by another article and still redirects there; choose another" });
  const found = new Map(relatedFound.map((row) => [row.slug, row.audience]));
  for (const slug of content.related) {
    if (!found.has(slug)) problems.push({ field: "related", message: `no published article has the slug "${slug}"` });
    else if (content.audience === "public" && found.get(slug) !== "public") problems.push({ field: "related", message: internalRelatedMessage(slug) });
  }
  if (content.related.includes(content.slug)) problems.push({ field: "related", message: "an article cannot be related to itself" });
  return problems;
}
