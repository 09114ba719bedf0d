// The editor's working copy as the form holds it (tags and related as typed, comma-separated),
// and its conversion to the content the server stores. Pure: no React, no server code.
import type { ContentProblem } from "@/lib/articles/checks";
import type { DraftContent } from "@/lib/articles/schema";
import type { ArticleAudience } from "@/lib/articles/visibility";

export interface EditorForm {
  title: string;
  slug: string;
  description: string;
  categorySlug: string;
  tagsText: string;
  relatedText: string;
  audience: ArticleAudience;
  body: string;
}

const splitList = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

export function formToContent(form: EditorForm): DraftContent {
  return {
    slug: form.slug.trim(),
    title: form.title,
    description: form.description,
    categorySlug: form.categorySlug,
    tags: splitList(form.tagsText),
    related: splitList(form.relatedText),
    audience: form.audience,
    body: form.body,
  };
}

export function contentToForm(content: DraftContent): EditorForm {
  return {
    title: content.title,
    slug: content.slug,
    description: content.description,
    categorySlug: content.categorySlug,
    tagsText: content.tags.join(", "),
    relatedText: content.related.join(", "),
    audience: content.audience,
    body: content.body,
  };
}

/** A stable fingerprint of what would be saved: two forms that save the same content are equal. */
export function fingerprint(form: EditorForm): string {
  return JSON.stringify(formToContent(form));
}

export type Problem = ContentProblem;

export const FIELD_LABELS: Record<Problem["field"], string> = {
  title: "Title",
  slug: "Slug",
  description: "Description",
  categorySlug: "Category",
  tags: "Tags",
  related: "Related articles",
  audience: "Audience",
  body: "Body",
  form: "Article",
};

/** The first problem of each frontmatter field, to show beside it. */
export function fieldErrors(problems: Problem[]): Partial<Record<Problem["field"], string>> {
  const errors: Partial<Record<Problem["field"], string>> = {};
  for (const problem of problems) if (problem.field !== "body") errors[problem.field] ??= problem.message;
  return errors;
}
