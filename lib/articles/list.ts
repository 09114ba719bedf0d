// The staff's list of articles: every article whatever its status, with how readers received it.
// Filtered, sorted and paged in the database, with the stored rating counts and 30-day views
// (lib/feedback/totals.ts) joined in, so a page costs the same whether the library holds 50
// articles or 10,000, and 100 votes or 100,000.
import { join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import { authorize, type StaffContext } from "../auth/roles";
import { type RatingCounts, satisfactionScore } from "../feedback/score";
import { viewWindowIsCurrent } from "../feedback/totals";
import { type ArticleListQuery, type ArticleStatus, parseArticleStatus } from "./schema";
import { type ArticleAudience, parseAudience } from "./visibility";
import type { Locale } from "../i18n/locales";
import { asDate, asNumber } from "../raw-rows";

const LIST_PAGE_SIZE = 50;

export interface StaffArticleRow {
  id: string;
  slug: string;
  title: string;
  categorySlug: string;
  categoryName: string;
  status: ArticleStatus;
  /** Who may read it as published; `draftAudience` when an unpublished draft says otherwise. */
  audience: ArticleAudience;
  draftAudience: ArticleAudience | null;
  deleted: boolean;
  /** The language it is written in, and for a translation the article it translates. */
  locale: Locale;
  translationOf: { id: string; title: string } | null;
  ratings: RatingCounts;
  score: number | null;
  views30d: number;
  /** The later of the last change to the article and to its draft. */
  updatedAt: Date;
  /** An autosaved draft not yet published, and who last saved it. */
  draft: { updatedAt: Date; updatedBy: string | null } | null;
}

export interface StaffArticleList {
  rows: StaffArticleRow[];
  total: number;
  page: number;
  pageCount: number;
}

interface RawRow {
  id: string;
  slug: string;
  title: string;
  status: string;
  audience: string;
  draftAudience: string | null;
  categorySlug: string;
  categoryName: string;
  published: number | bigint | boolean;
  deletedAt: unknown;
  locale: string;
  sourceId: string | null;
  sourceTitle: string | null;
  articleUpdatedAt: unknown;
  draftTitle: string | null;
  draftUpdatedAt: unknown;
  draftUpdatedBy: string | null;
  happy: number | bigint | null;
  normal: number | bigint | null;
  sad: number | bigint | null;
  views: number | bigint | null;
}

/**
 * ORDER BY for each sort. Score and views sort unrated or unread articles last either way; ties
 * go by title. The expressions are fixed text, never built from input.
 */
const ORDER: Record<ArticleListQuery["sort"], (direction: "ASC" | "DESC") => Sql> = {
  updated: (direction) => raw(`"effectiveUpdatedAt" ${direction}, "title" ASC`),
  score: (direction) => raw(`("ratingTotal" = 0) ASC, "scoreValue" ${direction}, "title" ASC`),
  views: (direction) => raw(`"views" ${direction}, "title" ASC`),
};

/** Every article (deleted ones only when asked for), filtered, sorted and paged in the database. */
export async function listStaffArticles(
  ctx: StaffContext,
  { category, status, audience, locale, sort, order, page = 1 }: Omit<ArticleListQuery, "page"> & { page?: number },
): Promise<StaffArticleList> {
  authorize(ctx.actor, "editor");
  const conditions: Sql[] = [status === "deleted" ? sql`a."deletedAt" IS NOT NULL` : sql`a."deletedAt" IS NULL`];
  if (category) conditions.push(sql`a."categorySlug" = ${category}`);
  if (status && status !== "deleted") conditions.push(sql`a."status" = ${status}`);
  // Anything but "public" is internal (lib/articles/visibility.ts parseAudience).
  if (audience) conditions.push(audience === "public" ? sql`a."audience" = 'public'` : sql`a."audience" <> 'public'`);
  if (locale) conditions.push(sql`a."locale" = ${locale}`);
  const where = join(conditions, " AND ");

  const total = Number((await ctx.db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "Article" a WHERE ${where}`)[0]?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  await viewWindowIsCurrent(ctx.db);

  // The page's 50 ids are picked with only the sort keys at hand; the other joins are made for
  // those 50, not for every article in the library.
  const orderBy = ORDER[sort](order === "asc" ? "ASC" : "DESC");
  const rows = await ctx.db.$queryRaw<RawRow[]>`
    SELECT * FROM (
      SELECT
        p.*, a."slug", a."status", a."audience", d."audience" AS "draftAudience", a."categorySlug", c."name" AS "categoryName",
        CASE WHEN a."publishedRevisionId" IS NULL THEN 0 ELSE 1 END AS "published",
        a."deletedAt", a."updatedAt" AS "articleUpdatedAt",
        a."locale", s."id" AS "sourceId", s."title" AS "sourceTitle",
        d."title" AS "draftTitle", d."updatedAt" AS "draftUpdatedAt", u."name" AS "draftUpdatedBy"
      FROM (
        SELECT * FROM (
          SELECT
            a."id", a."title",
            CASE WHEN d."updatedAt" IS NOT NULL AND d."updatedAt" > a."updatedAt" THEN d."updatedAt" ELSE a."updatedAt" END AS "effectiveUpdatedAt",
            COALESCE(t."happy", 0) AS "happy", COALESCE(t."normal", 0) AS "normal", COALESCE(t."sad", 0) AS "sad",
            COALESCE(t."happy" + t."normal" + t."sad", 0) AS "ratingTotal",
            CASE WHEN COALESCE(t."happy" + t."normal" + t."sad", 0) = 0 THEN 0
                 ELSE (100.0 * t."happy" + 50.0 * t."normal") / (t."happy" + t."normal" + t."sad") END AS "scoreValue",
            COALESCE(t."views30d", 0) AS "views"
          FROM "Article" a
          LEFT JOIN "ArticleDraft" d ON d."articleId" = a."id"
          LEFT JOIN "ArticleTotals" t ON t."articleId" = a."id"
          WHERE ${where}
        ) keys
        ORDER BY ${orderBy}
        LIMIT ${LIST_PAGE_SIZE} OFFSET ${(current - 1) * LIST_PAGE_SIZE}
      ) p
      JOIN "Article" a ON a."id" = p."id"
      JOIN "Category" c ON c."slug" = a."categorySlug"
      LEFT JOIN "Article" s ON s."id" = a."translationOfId"
      LEFT JOIN "ArticleDraft" d ON d."articleId" = a."id"
      LEFT JOIN "StaffUser" u ON u."id" = d."updatedById"
    ) listed
    ORDER BY ${orderBy}`;

  return {
    total,
    page: current,
    pageCount,
    rows: rows.map((row) => {
      const ratings = { happy: asNumber(row.happy), normal: asNumber(row.normal), sad: asNumber(row.sad) };
      const updatedAt = asDate(row.articleUpdatedAt);
      const draftUpdatedAt = row.draftUpdatedAt == null ? null : asDate(row.draftUpdatedAt);
      const published = Number(row.published) === 1 || row.published === true;
      return {
        id: row.id,
        slug: row.slug,
        // A never-published article is known by its working title.
        title: !published && row.draftTitle ? row.draftTitle || row.title : row.title,
        categorySlug: row.categorySlug,
        categoryName: row.categoryName,
        status: parseArticleStatus(row.status),
        audience: parseAudience(row.audience),
        draftAudience: row.draftAudience !== null && parseAudience(row.draftAudience) !== parseAudience(row.audience) ? parseAudience(row.draftAudience) : null,
        deleted: row.deletedAt != null,
        locale: row.locale,
        translationOf: row.sourceId ? { id: row.sourceId, title: row.sourceTitle ?? "" } : null,
        ratings,
        score: satisfactionScore(ratings),
        views30d: asNumber(row.views),
        updatedAt: draftUpdatedAt && draftUpdatedAt > updatedAt ? draftUpdatedAt : updatedAt,
        draft: draftUpdatedAt ? { updatedAt: draftUpdatedAt, updatedBy: row.draftUpdatedBy } : null,
      };
    }),
  };
}
