// What the editor opens on (the draft if there is one, else the newest revision), and new articles.
// Writes live beside it: drafts.ts (autosave), publishing.ts (publish), status.ts (unpublish,
// archive, delete, restore), revisions.ts (history and restore).
import { parseOrThrow } from "../http";
import { HttpError } from "../http-error";
import { authorize, type StaffContext } from "../auth/roles";
import { frontmatterColumns, getHeadRevision, revisionToContent } from "./publishing";
import { slugFromTitle, unusedSlug } from "./slugs";
import { type ArticleStatus, type CreateArticleInput, type DraftContent, createArticleSchema, parseArticleStatus } from "./schema";

export async function listCategoryOptions(ctx: StaffContext) {
  authorize(ctx.actor, "editor");
  return ctx.db.category.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true } });
}

/** A new, unpublished article with a working draft; customers see nothing until it is published. */
export async function createArticle(ctx: StaffContext, input: CreateArticleInput) {
  const actor = authorize(ctx.actor, "editor");
  const { title, categorySlug } = parseOrThrow(createArticleSchema, input);
  const category = await ctx.db.category.findUnique({ where: { slug: categorySlug }, select: { slug: true } });
  if (!category) throw new HttpError(422, `There is no category "${categorySlug}".`, { categorySlug: "choose one of the categories" });
  const slug = await unusedSlug(ctx.db, slugFromTitle(title));
  return ctx.db.article.create({
    data: {
      slug,
      title,
      description: "",
      categorySlug,
      status: "draft",
      contentUpdatedAt: new Date(),
      draft: { create: { slug, title, description: "", categorySlug, body: "", version: 1, updatedById: actor.id } },
    },
    select: { id: true, slug: true, title: true, status: true },
  });
}

export interface EditorState {
  article: {
    id: string;
    slug: string;
    status: ArticleStatus;
    deleted: boolean;
    published: boolean;
    categorySlug: string;
    /** The language it is written in: its customer pages live under that language's prefix. */
    locale: string;
  };
  head: { id: string; author: string; createdAt: Date } | null;
  draft: { version: number; updatedAt: Date; updatedBy: string | null } | null;
  /** What the editor opens on: the draft if there is one, else the newest revision. */
  content: DraftContent;
  version: number;
  baseRevisionId: string | null;
  categories: { slug: string; name: string }[];
}

export async function getEditorState(ctx: StaffContext, articleId: string): Promise<EditorState> {
  authorize(ctx.actor, "editor");
  const article = await ctx.db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      ...frontmatterColumns,
      locale: true,
      status: true,
      deletedAt: true,
      publishedRevisionId: true,
      draft: { include: { updatedBy: { select: { name: true } } } },
    },
  });
  if (!article) throw new HttpError(404, "There is no such article.");
  const [head, categories] = await Promise.all([getHeadRevision(ctx.db, articleId), listCategoryOptions(ctx)]);
  const status = parseArticleStatus(article.status);
  const { draft } = article;
  const source = draft ?? (head ? { ...head, slug: article.slug } : { ...article, body: "" });
  return {
    article: {
      id: article.id,
      slug: article.slug,
      status,
      deleted: article.deletedAt !== null,
      published: status === "published" && !article.deletedAt,
      categorySlug: article.categorySlug,
      locale: article.locale,
    },
    head: head ? { id: head.id, author: head.author, createdAt: head.createdAt } : null,
    draft: draft ? { version: draft.version, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy?.name ?? null } : null,
    content: revisionToContent(source.slug, source),
    version: draft?.version ?? 0,
    baseRevisionId: draft ? draft.baseRevisionId : (head?.id ?? null),
    categories,
  };
}
