// Autosaved drafts. Every save names the draft version the editor last saw; when someone else
// saved a newer one meanwhile, nothing is overwritten and the caller gets their draft to show
// beside its own. The version check is part of the write itself, so two saves at the same
// moment cannot both win.
import { parseOrThrow } from "../http";
import { HttpError } from "../http-error";
import { authorize, type StaffContext } from "../auth/roles";
import { getHeadRevision, revisionToContent } from "./publishing";
import { type DraftContent, type SaveDraftInput, saveDraftSchema, discardDraftSchema } from "./schema";

export interface OtherDraft {
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  content: DraftContent;
}

export type SaveDraftResult =
  | {
      saved: true;
      version: number;
      savedAt: Date;
      /** Someone published after this editor opened the article: publishing will show both versions. */
      newerPublished: { revisionId: string; author: string; createdAt: Date } | null;
    }
  | { saved: false; conflict: OtherDraft };

function toColumns(content: DraftContent) {
  return {
    slug: content.slug,
    title: content.title,
    description: content.description,
    categorySlug: content.categorySlug,
    tags: JSON.stringify(content.tags),
    related: JSON.stringify(content.related),
    audience: content.audience,
    body: content.body,
  };
}

async function currentDraft(ctx: StaffContext, articleId: string): Promise<OtherDraft | null> {
  const draft = await ctx.db.articleDraft.findUnique({ where: { articleId }, include: { updatedBy: { select: { name: true } } } });
  if (!draft) return null;
  return { version: draft.version, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy?.name ?? null, content: revisionToContent(draft.slug, draft) };
}

export async function saveDraft(ctx: StaffContext, input: SaveDraftInput): Promise<SaveDraftResult> {
  const actor = authorize(ctx.actor, "editor");
  const { articleId, version, baseRevisionId, content } = parseOrThrow(saveDraftSchema, input);
  const article = await ctx.db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw new HttpError(404, "This article no longer exists.");

  const columns = { ...toColumns(content), updatedById: actor.id };
  let savedVersion: number | null = null;
  if (version > 0) {
    const updated = await ctx.db.articleDraft.updateMany({ where: { articleId, version }, data: { ...columns, baseRevisionId, version: version + 1 } });
    if (updated.count === 1) savedVersion = version + 1;
  }
  if (savedVersion === null) {
    const existing = await currentDraft(ctx, articleId);
    // A draft this editor has not seen: someone else's work, never overwritten.
    if (existing) return { saved: false, conflict: existing };
    // No draft at all (first save, or the draft was published or discarded meanwhile): start one.
    try {
      await ctx.db.articleDraft.create({ data: { articleId, ...columns, baseRevisionId, version: 1 } });
      savedVersion = 1;
    } catch {
      const raced = await currentDraft(ctx, articleId);
      if (raced) return { saved: false, conflict: raced };
      throw new HttpError(409, "The draft could not be saved; try again.");
    }
  }
  const [draft, head] = await Promise.all([
    ctx.db.articleDraft.findUniqueOrThrow({ where: { articleId }, select: { updatedAt: true } }),
    getHeadRevision(ctx.db, articleId),
  ]);
  const newerPublished = head && head.id !== baseRevisionId ? { revisionId: head.id, author: head.author, createdAt: head.createdAt } : null;
  return { saved: true, version: savedVersion, savedAt: draft.updatedAt, newerPublished };
}

/**
 * Throws the draft away; the editor goes back to the published text. Only the version the editor
 * has seen: a newer draft by someone else is reported, not discarded.
 */
export async function discardDraft(ctx: StaffContext, input: { articleId: string; version: number }) {
  authorize(ctx.actor, "editor");
  const { articleId, version } = parseOrThrow(discardDraftSchema, input);
  const removed = await ctx.db.articleDraft.deleteMany({ where: { articleId, version } });
  if (removed.count === 0) {
    const existing = await ctx.db.articleDraft.findUnique({ where: { articleId }, select: { version: true } });
    if (existing) throw new HttpError(409, "Someone saved this draft since you opened it; reload to see their changes before discarding.");
  }
  return { discarded: removed.count > 0 };
}
