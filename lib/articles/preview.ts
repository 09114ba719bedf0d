// The editor's live preview: the body compiled by the customers' compiler, and every problem that
// would stop Publish — MDX problems with their lines, and (when the frontmatter is sent) field
// problems such as a slug in use or an unknown category.
import type { z } from "zod";
import { authorize, type StaffContext } from "../auth/roles";
import { compileMdxInWorker } from "../mdx/compile-in-worker";
import { type ContentProblem, checkArticleContent } from "./checks";
import type { previewRequestSchema } from "./schema";

export async function previewArticle(ctx: StaffContext, { body, articleId, frontmatter }: z.infer<typeof previewRequestSchema>) {
  authorize(ctx.actor, "editor");
  const { tree, headings, problems: mdxProblems } = await compileMdxInWorker(body, { lane: "staff" });
  const problems: ContentProblem[] = mdxProblems.map((p) => ({ field: "body", message: p.message, ...(p.line ? { line: p.line } : {}) }));
  if (frontmatter) {
    // The body was compiled above; checking it again would only repeat its problems.
    const fieldProblems = await checkArticleContent(ctx.db, { ...frontmatter, body: "" }, articleId ?? null);
    problems.unshift(...fieldProblems.filter((p) => p.field !== "body"));
  }
  return { tree, headings, problems };
}
