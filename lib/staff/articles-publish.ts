// Publish from the editor: the full content checks first (nothing is stored when one fails),
// then a new revision, unless someone else published since the editor opened the article. The
// change reaches customers on their next request: cached pages and the search index are refreshed.
import { HttpError, parseOrThrow } from "../http";
import { authorize, type StaffContext } from "../auth/roles";
import { type ArticleContent, type ContentProblem, checkArticleContent } from "./content";
import { getHeadRevision, PublishConflictError, publishContent, revisionToContent } from "./publishing";
import { revalidateCustomerPages } from "./revalidate";
import { sameContent, toSnapshot } from "./revision-diff";
import { type PublishArticleInput, publishArticleSchema } from "./articles-schema";

/** 422: the content may not be published; each problem names its field and, for the body, its line. */
export class ContentProblemsError extends HttpError {
  constructor(readonly problems: ContentProblem[]) {
    super(
      422,
      `This article cannot be published yet: ${problems.length} problem${problems.length === 1 ? "" : "s"} to fix.`,
      Object.fromEntries(problems.map((p) => [p.field, p.line ? `line ${p.line}: ${p.message}` : p.message]).reverse()),
    );
  }
}

export interface PublishedArticle {
  revisionId: string;
  slug: string;
  publishedAt: Date;
}

export interface NewerVersion {
  revisionId: string;
  author: string;
  createdAt: Date;
  content: ArticleContent;
}

/** 409: someone published since the editor opened the article; `theirs` is shown beside the author's own. */
export class NewerVersionError extends HttpError {
  constructor(readonly theirs: NewerVersion) {
    super(409, `${theirs.author} published a newer version of this article since you opened it.`);
  }
}

export async function publishArticle(ctx: StaffContext, input: PublishArticleInput): Promise<PublishedArticle> {
  const actor = authorize(ctx.actor, "editor");
  const { articleId, baseRevisionId, replacing, content } = parseOrThrow(publishArticleSchema, input);
  const article = await ctx.db.article.findUnique({ where: { id: articleId }, select: { slug: true, status: true, deletedAt: true, publishedRevisionId: true } });
  if (!article) throw new HttpError(404, "This article no longer exists.");
  if (article.deletedAt) throw new HttpError(409, "This article is deleted. Restore it before publishing.");

  const problems = await checkArticleContent(ctx.db, content, articleId);
  if (problems.length > 0) throw new ContentProblemsError(problems);
  const checked = content as ArticleContent;
  const head = await getHeadRevision(ctx.db, articleId);
  const neverPublished = head === null;

  // Publishing what customers already see (a second click, a draft edited back, or the very text
  // someone else just published) adds nothing to the history: the draft goes, the revision stays.
  // Same comparison as Restore's; revision bodies are stored trimmed.
  if (head && article.publishedRevisionId === head.id && article.status === "published" && article.slug === checked.slug && sameContent(toSnapshot(head), { ...checked, body: checked.body.trim() })) {
    await ctx.db.articleDraft.deleteMany({ where: { articleId } });
    return { revisionId: head.id, slug: article.slug, publishedAt: head.createdAt };
  }

  const result = await publishContent(ctx.db, {
    articleId,
    content: checked,
    actor,
    // The revision the author last saw. After a conflict, "Publish mine anyway" sends the newer
    // revision it was shown: a third version published meanwhile is still a conflict.
    expectedHeadRevisionId: baseRevisionId,
    ...(replacing ? { note: "Published over a newer version the author was shown" } : {}),
  }).catch(async (error: unknown) => {
    if (!(error instanceof PublishConflictError)) throw error;
    const current = await ctx.db.article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true } });
    const { head } = error;
    throw new NewerVersionError({ revisionId: head.id, author: head.author, createdAt: head.createdAt, content: revisionToContent(current.slug, head) });
  });
  // A working slug that customers never saw needs no redirect.
  if (neverPublished && result.previousSlug !== result.slug) {
    await ctx.db.slugRedirect.deleteMany({ where: { fromSlug: result.previousSlug, articleId } });
  }
  const oldSlugs = await ctx.db.slugRedirect.findMany({ where: { articleId }, select: { fromSlug: true } });
  revalidateCustomerPages({ slugs: [result.slug, result.previousSlug, ...oldSlugs.map((r) => r.fromSlug)], categorySlugs: result.categorySlugs });
  const revision = await ctx.db.articleRevision.findUniqueOrThrow({ where: { id: result.revisionId }, select: { createdAt: true } });
  return { revisionId: result.revisionId, slug: result.slug, publishedAt: revision.createdAt };
}
