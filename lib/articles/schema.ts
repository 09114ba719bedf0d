// The article's shapes: its statuses, its publishable content, and what the article list and the
// editor send. Shared by the forms, the server actions and the preview route, so every boundary
// applies the same bounds. A draft may hold anything an author is in the middle of typing (even
// invalid MDX); it only has to be bounded. Publishing applies articleContentSchema and the checks
// of lib/articles/checks.ts on top.
import { z } from "zod";
import { frontmatterSchema } from "../content/schema";
import { slugSchema } from "./slugs";
import { ARTICLE_AUDIENCES, audienceSchema } from "./visibility";
import { formatCount } from "../format";
import { isLocale } from "../i18n/locales";

const ARTICLE_STATUSES = ["draft", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A stored status as the app's type; an unknown value reads as a draft, which customers never see. */
export function parseArticleStatus(value: string): ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value) ? (value as ArticleStatus) : "draft";
}

export const MAX_BODY_CHARS = 200_000;

const { title, description, tags, related } = frontmatterSchema.shape;

export const articleContentSchema = z.object({
  slug: slugSchema,
  title,
  description,
  categorySlug: z.string({ error: "choose a category" }).min(1, "choose a category").max(80),
  tags,
  related,
  audience: audienceSchema,
  body: z.string().max(MAX_BODY_CHARS, `must be at most ${formatCount(MAX_BODY_CHARS)} characters`),
});

export type ArticleContent = z.infer<typeof articleContentSchema>;

const LIST_STATUSES = ["draft", "published", "archived", "deleted"] as const;
const LIST_SORTS = ["updated", "score", "views"] as const;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** The list's filters, read from the URL: anything unreadable falls back to the default. */
export const articleListQuerySchema = z.object({
  category: z.preprocess(blankToUndefined, z.string().max(80).optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(LIST_STATUSES).optional()).catch(undefined),
  audience: z.preprocess(blankToUndefined, z.enum(ARTICLE_AUDIENCES).optional()).catch(undefined),
  /** A language code from lib/i18n/locales.ts; anything else lists every language. */
  locale: z.preprocess(blankToUndefined, z.string().refine(isLocale).optional()).catch(undefined),
  sort: z.enum(LIST_SORTS).catch("updated"),
  order: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;

export const articleIdSchema = z.string().min(1, "is missing").max(40, "is not an article id");

export const createArticleSchema = z.object({
  title: z.string().trim().min(3, "must be at least 3 characters").max(120, "must be at most 120 characters"),
  categorySlug: z.string({ error: "choose a category" }).min(1, "choose a category").max(80),
});
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

/** The editor's working copy: the shape of ArticleContent, with bounds but without the publishing rules. */
const draftContentSchema = z.object({
  slug: z.string().max(200, "must be at most 200 characters"),
  title: z.string().max(300, "must be at most 300 characters"),
  description: z.string().max(1000, "must be at most 1,000 characters"),
  categorySlug: z.string().max(80, "must be at most 80 characters"),
  tags: z.array(z.string().max(100, "each tag must be at most 100 characters")).max(50, "may hold at most 50 tags"),
  related: z.array(z.string().max(200)).max(20, "may name at most 20 articles"),
  // Required, never defaulted: a save that does not say who may read the article changes nothing.
  audience: audienceSchema,
  body: z.string().max(MAX_BODY_CHARS, `must be at most ${formatCount(MAX_BODY_CHARS)} characters`),
});
export type DraftContent = z.infer<typeof draftContentSchema>;

export const saveDraftSchema = z.object({
  articleId: articleIdSchema,
  /** The draft version the editor last saw; 0 when it started from the published text. */
  version: z.number().int().min(0).max(1_000_000_000),
  /** The revision the editor started from, kept with the draft so publishing can tell what changed since. */
  baseRevisionId: z.string().max(40).nullable(),
  content: draftContentSchema,
});
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;

export const publishArticleSchema = z.object({
  articleId: articleIdSchema,
  /** The revision the editor started from, or — after "Publish mine anyway" — the newer one it was shown. */
  baseRevisionId: z.string().max(40).nullable(),
  /** Set when the author chose to publish over a newer version they were shown: recorded in the history. */
  replacing: z.boolean().optional(),
  content: draftContentSchema,
});
export type PublishArticleInput = z.infer<typeof publishArticleSchema>;

export const discardDraftSchema = z.object({ articleId: articleIdSchema, version: z.number().int().min(0).max(1_000_000_000) });
export const articleRefSchema = z.object({ articleId: articleIdSchema });

export const PREVIEW_MAX_BYTES = 1_000_000;
export const previewRequestSchema = z.object({
  body: z.string().max(MAX_BODY_CHARS, `must be at most ${formatCount(MAX_BODY_CHARS)} characters`),
  /** With the frontmatter too, the answer also names field problems (slug in use, unknown category…). */
  articleId: articleIdSchema.nullable().optional(),
  frontmatter: draftContentSchema.omit({ body: true }).optional(),
});
