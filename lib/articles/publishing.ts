// Publishing: an article's content becomes a new revision that customers see.
//   publishArticle: Publish in the editor. The full content checks first (nothing is stored when
//     one fails), then a new revision, unless someone else published since the editor opened the
//     article. The change reaches customers on their next request: cached pages and the search
//     index are refreshed.
//   publishContent: the write itself, shared with Restore in the history (lib/articles/revisions.ts)
//     so both write history the same way. A renamed article keeps its old URL as a permanent redirect.
import { type Actor, authorize, type StaffContext } from "../auth/roles";
import { hashArticleContent } from "../content/library";
import type { Database } from "../db-client";
import { parseOrThrow } from "../http";
import { HttpError } from "../http-error";
import { type ContentProblem, checkArticleContent } from "./checks";
import { revalidateCustomerPages } from "./revalidate";
import { otherLanguageSlugs } from "./slugs";
import { sameContent, toSnapshot } from "./revision-diff";
import { type ArticleContent, type PublishArticleInput, publishArticleSchema } from "./schema";
import { parseStoredList } from "./stored-list";
import { isCustomerVisible, parseAudience } from "./visibility";

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
  const article = await ctx.db.article.findUnique({
    where: { id: articleId },
    select: { slug: true, status: true, deletedAt: true, publishedRevisionId: true },
  });
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
  if (
    head &&
    article.publishedRevisionId === head.id &&
    article.status === "published" &&
    article.slug === checked.slug &&
    sameContent(toSnapshot(head), { ...checked, body: checked.body.trim() })
  ) {
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
  revalidateCustomerPages({
    slugs: [result.slug, result.previousSlug, ...oldSlugs.map((r) => r.fromSlug), ...(await otherLanguageSlugs(ctx.db, articleId))],
    categorySlugs: result.categorySlugs,
    leftCustomers: result.leftCustomers,
  });
  const revision = await ctx.db.articleRevision.findUniqueOrThrow({ where: { id: result.revisionId }, select: { createdAt: true } });
  return { revisionId: result.revisionId, slug: result.slug, publishedAt: revision.createdAt };
}

export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** The revision an article's content currently stands at: its newest. */
/**
 * The frontmatter columns an Article and each of its revisions both hold: one list, so a field added
 * to the frontmatter (as `audience` was) is read everywhere content is compared or restored.
 */
export const frontmatterColumns = { title: true, description: true, categorySlug: true, tags: true, related: true, audience: true } as const;

export async function getHeadRevision(db: Database | Transaction, articleId: string) {
  return db.articleRevision.findFirst({
    where: { articleId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true, author: true, ...frontmatterColumns, body: true },
  });
}

/** Thrown when someone else published after the editor was opened: the caller shows both versions. */
export class PublishConflictError extends HttpError {
  constructor(readonly head: NonNullable<Awaited<ReturnType<typeof getHeadRevision>>>) {
    super(409, `${head.author} published a newer version of this article since you opened it.`);
  }
}

export interface PublishResult {
  revisionId: string;
  slug: string;
  previousSlug: string;
  categorySlugs: string[];
  /** Customers could read the article before and cannot now (it became internal): other pages list it. */
  leftCustomers: boolean;
}

/**
 * Writes `content` as a new published revision. `expectedHeadRevisionId` is the revision the
 * editor started from (null for an article never published): if another has been published
 * since, nothing is written and PublishConflictError says by whom.
 *
 * The check is a write: the transaction starts by updating the article row only where it still
 * points at that revision (every revision is published as it is written, so the article's
 * published revision is its newest). Reading and then writing is not enough on PostgreSQL, where
 * two transactions at the same moment both read the old head and both pass. Here the second one's
 * UPDATE waits for the first to commit, finds the row changed, matches nothing, and stops. Taking
 * the row first also keeps two publishes from deadlocking: inserting a revision share-locks its
 * article, and updating the article's unique columns afterwards would wait for each other's share.
 */
export async function publishContent(
  db: Database,
  {
    articleId,
    content,
    actor,
    expectedHeadRevisionId,
    note,
  }: { articleId: string; content: ArticleContent; actor: Actor; expectedHeadRevisionId: string | null | undefined; note?: string },
): Promise<PublishResult> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.article.updateMany({
      where: { id: articleId, ...(expectedHeadRevisionId !== undefined ? { publishedRevisionId: expectedHeadRevisionId } : {}) },
      data: { updatedAt: now },
    });
    if (claimed.count === 0) {
      const head = await getHeadRevision(tx, articleId);
      if (head) throw new PublishConflictError(head);
      const exists = await tx.article.count({ where: { id: articleId } });
      throw new HttpError(exists ? 409 : 404, exists ? "This article changed since you opened it. Reload it and try again." : "This article no longer exists.");
    }
    const article = await tx.article.findUniqueOrThrow({
      where: { id: articleId },
      select: {
        slug: true,
        categorySlug: true,
        status: true,
        deletedAt: true,
        publishedRevisionId: true,
        audience: true,
        locale: true,
        translationOf: { select: { slug: true } },
      },
    });

    const snapshot = {
      title: content.title,
      description: content.description,
      categorySlug: content.categorySlug,
      tags: JSON.stringify(content.tags),
      related: JSON.stringify(content.related),
      audience: content.audience,
    };
    const contentHash = hashArticleContent(
      content.categorySlug,
      {
        title: content.title,
        description: content.description,
        tags: content.tags,
        related: content.related,
        audience: content.audience,
        updated: now.toISOString().slice(0, 10),
      },
      content.body,
      // A translation hashes as the content import hashes its file, so exporting and importing it changes nothing.
      article.translationOf ? { slug: content.slug, locale: article.locale, translationOf: article.translationOf.slug } : undefined,
    );
    const revision = await tx.articleRevision.create({
      data: { articleId, ...snapshot, body: content.body.trim(), contentHash, author: actor.name, authorId: actor.id, note: note ?? null, createdAt: now },
      select: { id: true },
    });
    if (content.slug !== article.slug) {
      await tx.slugRedirect.deleteMany({ where: { fromSlug: content.slug } });
      await tx.slugRedirect.upsert({ where: { fromSlug: article.slug }, create: { fromSlug: article.slug, articleId }, update: { articleId } });
    }
    await tx.article.update({
      where: { id: articleId },
      data: {
        ...snapshot,
        slug: content.slug,
        status: "published",
        publishedRevisionId: revision.id,
        publishedAt: now,
        contentUpdatedAt: now,
        deletedAt: null,
      },
    });
    await tx.articleDraft.deleteMany({ where: { articleId } });
    return {
      revisionId: revision.id,
      slug: content.slug,
      previousSlug: article.slug,
      categorySlugs: [...new Set([article.categorySlug, content.categorySlug])],
      leftCustomers: isCustomerVisible(article) && content.audience !== "public",
    };
  });
}

/** A stored revision (or draft) as editable content. */
export function revisionToContent(
  slug: string,
  revision: { title: string; description: string; categorySlug: string; tags: string; related: string; audience: string; body: string },
): ArticleContent {
  return {
    slug,
    title: revision.title,
    description: revision.description,
    categorySlug: revision.categorySlug,
    tags: parseStoredList(revision.tags),
    related: parseStoredList(revision.related),
    audience: parseAudience(revision.audience),
    body: revision.body,
  };
}
