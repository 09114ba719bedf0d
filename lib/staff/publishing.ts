// Publishing: content becomes a new revision that customers see. Used by Publish in the editor and
// by Restore in the history, so both write history the same way. A renamed article keeps its old
// URL as a permanent redirect.
import { HttpError } from "../http-error";
import { hashArticleContent } from "../content/library";
import { parseStoredList } from "../content/stored-list";
import type { Actor } from "../auth/roles";
import type { Database } from "../db-client";
import type { ArticleContent } from "./content";

export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** The revision an article's content currently stands at: its newest. */
export async function getHeadRevision(db: Database | Transaction, articleId: string) {
  return db.articleRevision.findFirst({
    where: { articleId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true, author: true, title: true, description: true, categorySlug: true, tags: true, related: true, body: true },
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
}

/**
 * Writes `content` as a new published revision. `expectedHeadRevisionId` is the revision the
 * editor started from (null for an article never published): if another has been published
 * since, nothing is written and PublishConflictError says by whom.
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
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, slug: true, categorySlug: true } });
    if (!article) throw new HttpError(404, "This article no longer exists.");
    const head = await getHeadRevision(tx, articleId);
    if (expectedHeadRevisionId !== undefined && head && head.id !== expectedHeadRevisionId) throw new PublishConflictError(head);

    const now = new Date();
    const snapshot = {
      title: content.title,
      description: content.description,
      categorySlug: content.categorySlug,
      tags: JSON.stringify(content.tags),
      related: JSON.stringify(content.related),
    };
    const contentHash = hashArticleContent(
      content.categorySlug,
      { title: content.title, description: content.description, tags: content.tags, related: content.related, updated: now.toISOString().slice(0, 10) },
      content.body,
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
      data: { ...snapshot, slug: content.slug, status: "published", publishedRevisionId: revision.id, publishedAt: now, contentUpdatedAt: now, deletedAt: null },
    });
    await tx.articleDraft.deleteMany({ where: { articleId } });
    return { revisionId: revision.id, slug: content.slug, previousSlug: article.slug, categorySlugs: [...new Set([article.categorySlug, content.categorySlug])] };
  });
}

/** A stored revision as editable content. */
export function revisionToContent(slug: string, revision: { title: string; description: string; categorySlug: string; tags: string; related: string; body: string }): ArticleContent {
  return { slug, title: revision.title, description: revision.description, categorySlug: revision.categorySlug, tags: parseStoredList(revision.tags), related: parseStoredList(revision.related), body: revision.body };
}
