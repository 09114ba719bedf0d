// An article's editable content, and the checks it must pass before it is saved or published:
// the same frontmatter rules and MDX allowlist as the command-line import, plus what only the
// database knows (slugs in use, categories, related articles).
import { z } from "zod";
import type { Database } from "../db-client";
import { frontmatterSchema, slugSchema } from "../content/schema";
import { compileMdx } from "../mdx/compile";

export const MAX_BODY_CHARS = 200_000;

const { title, description, tags, related } = frontmatterSchema.shape;

export const articleContentSchema = z.object({
  slug: slugSchema,
  title,
  description,
  categorySlug: z.string({ error: "choose a category" }).min(1, "choose a category").max(80),
  tags,
  related,
  body: z.string().max(MAX_BODY_CHARS, `must be at most ${MAX_BODY_CHARS.toLocaleString("en")} characters`),
});

export type ArticleContent = z.infer<typeof articleContentSchema>;

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
    for (const problem of compileMdx(raw.body).problems) {
      problems.push({ field: "body", message: problem.message, ...(problem.line ? { line: problem.line } : {}) });
    }
  }
  if (!parsed.success) return problems;

  const content = parsed.data;
  const [category, slugOwner, redirect, relatedFound] = await Promise.all([
    db.category.findUnique({ where: { slug: content.categorySlug }, select: { slug: true } }),
    db.article.findUnique({ where: { slug: content.slug }, select: { id: true, title: true } }),
    db.slugRedirect.findUnique({ where: { fromSlug: content.slug }, select: { articleId: true } }),
    db.article.findMany({ where: { slug: { in: content.related }, status: "published", deletedAt: null }, select: { slug: true } }),
  ]);
  if (!category) problems.push({ field: "categorySlug", message: `there is no category "${content.categorySlug}"` });
  if (slugOwner && slugOwner.id !== articleId) problems.push({ field: "slug", message: `is already used by "${slugOwner.title}"` });
  else if (redirect && redirect.articleId !== articleId) problems.push({ field: "slug", message: "was used by another article and still redirects there; choose another" });
  const found = new Set(relatedFound.map((row) => row.slug));
  for (const slug of content.related) {
    if (!found.has(slug)) problems.push({ field: "related", message: `no published article has the slug "${slug}"` });
  }
  if (content.related.includes(content.slug)) problems.push({ field: "related", message: "an article cannot be related to itself" });
  return problems;
}
