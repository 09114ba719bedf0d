// What to write or fix next, from what customers told us without meaning to: searches that found
// nothing (grouped, so "dkim", "dkim setup" and "dkmi" are one missing article) and Sad comments
// (grouped per article, which needs fixing). Ranked by how many customers, counting recent ones more.
import { tokenize } from "../search/tokenize";
import { authorize, type StaffContext } from "../auth/roles";
import type { Rating } from "../feedback/score";
import { writeArticleHref } from "./search-insights";
import { sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import { providerOf } from "../db-client";
import { asDate } from "../raw-rows";

export const BACKLOG_DAYS = 90;
/** A search or comment counts 1 today, ½ after this many days, ¼ after twice as many. */
export const HALF_LIFE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows read per kind: grouping is done here, so the work per view is bounded by this, not by the table. */
const ROW_CAP = 20_000;
/** Items shown per page; the grouping itself sees every row read. */
export const BACKLOG_PAGE_SIZE = 25;

const COMMENTS_SHOWN = 5;

export interface MissingArticleItem {
  kind: "missing";
  key: string;
  /** The most searched wording: the suggested title. */
  title: string;
  customers: number;
  lastSeen: Date;
  score: number;
  queries: { query: string; count: number }[];
  writeHref: string;
}

export interface ArticleToFixItem {
  kind: "fix";
  key: string;
  articleId: string;
  slug: string;
  title: string;
  published: boolean;
  /** Readers who commented (a reader who wrote twice counts once). */
  customers: number;
  commentCount: number;
  lastSeen: Date;
  score: number;
  /** The newest few, each with the vote its writer gives the article now. */
  comments: { text: string; at: Date; currentRating: Rating }[];
  editHref: string;
  viewHref: string;
}

export type BacklogItem = MissingArticleItem | ArticleToFixItem;

const recencyWeight = (at: Date, now: Date) => 0.5 ** (Math.max(0, now.getTime() - at.getTime()) / DAY_MS / HALF_LIFE_DAYS);

/** recencyWeight of a row's "createdAt", in the database's own dialect. */
function recencyWeightSql(ctx: StaffContext, now: Date): Sql {
  const ageDays =
    providerOf(ctx.db) === "postgresql"
      ? sql`GREATEST(0, EXTRACT(EPOCH FROM (${now}::timestamp - "createdAt")) / 86400.0)`
      : sql`MAX(0, julianday(${now}) - julianday("createdAt"))`;
  return sql`EXP(LN(0.5) * ${ageDays} / ${HALF_LIFE_DAYS})`;
}

export async function getBacklog(ctx: StaffContext, now = new Date()): Promise<BacklogItem[]> {
  authorize(ctx.actor, "editor");
  const since = new Date(now.getTime() - BACKLOG_DAYS * DAY_MS);
  // Searches are counted and weighed per query in the database; comments are read as raw rows
  // with their article (Prisma's nested selects cost four times as much per row).
  const [queries, comments] = await Promise.all([
    ctx.db.$queryRaw<{ query: string; count: number | bigint; lastSeen: unknown; score: number | string | null }[]>`
      SELECT "query", COUNT(*) AS "count", MAX("createdAt") AS "lastSeen", SUM(${recencyWeightSql(ctx, now)}) AS "score"
      FROM (
        SELECT "query", "createdAt" FROM "SearchEvent"
        WHERE "resultCount" = 0 AND "createdAt" >= ${since} AND "createdAt" <= ${now}
        ORDER BY "createdAt" DESC LIMIT ${ROW_CAP}
      ) AS "recent"
      GROUP BY "query"`,
    ctx.db.$queryRaw<CommentRow[]>`
      SELECT c."body", c."createdAt", f."id" AS "feedbackId", f."rating",
        a."id" AS "articleId", a."slug", a."title", a."status", a."publishedRevisionId"
      FROM "FeedbackComment" c
      JOIN "Feedback" f ON f."id" = c."feedbackId"
      JOIN "Article" a ON a."id" = f."articleId"
      WHERE c."createdAt" >= ${since} AND c."createdAt" <= ${now} AND a."deletedAt" IS NULL
      ORDER BY c."createdAt" DESC, c."id" DESC LIMIT ${ROW_CAP}`,
  ]);
  const missing = groupQueries(
    new Map(queries.map((row) => [row.query, { count: Number(row.count), lastSeen: asDate(row.lastSeen), score: Number(row.score ?? 0) }])),
  );
  const fixes = groupSadComments(comments, now);
  return [...missing, ...fixes].sort((a, b) => b.score - a.score || b.lastSeen.getTime() - a.lastSeen.getTime());
}

interface CommentRow {
  body: string;
  createdAt: unknown;
  feedbackId: string;
  rating: string;
  articleId: string;
  slug: string;
  title: string;
  status: string;
  publishedRevisionId: string | null;
}

/** Newest first, as queried. */
function groupSadComments(rows: CommentRow[], now: Date): ArticleToFixItem[] {
  const byArticle = new Map<string, ArticleToFixItem>();
  const counted = new Set<string>();
  for (const row of rows) {
    const text = row.body.trim();
    if (!text) continue;
    const at = asDate(row.createdAt);
    const item = byArticle.get(row.articleId) ?? {
      kind: "fix" as const,
      key: `fix:${row.articleId}`,
      articleId: row.articleId,
      slug: row.slug,
      title: row.title,
      published: row.status === "published" && row.publishedRevisionId !== null,
      customers: 0,
      commentCount: 0,
      lastSeen: at,
      score: 0,
      comments: [],
      editHref: `/staff/articles/${row.articleId}`,
      viewHref: `/articles/${row.slug}`,
    };
    item.commentCount += 1;
    // A reader counts once, by their newest comment (the first seen).
    if (!counted.has(row.feedbackId)) {
      counted.add(row.feedbackId);
      item.customers += 1;
      item.score += recencyWeight(at, now);
    }
    if (at > item.lastSeen) item.lastSeen = at;
    if (item.comments.length < COMMENTS_SHOWN) item.comments.push({ text, at, currentRating: row.rating as Rating });
    byArticle.set(row.articleId, item);
  }
  return [...byArticle.values()];
}

// ---- Grouping no-result queries -------------------------------------------------------------

// Words that say what someone wants to do, not what about: "dkim setup" and "dkim record" are
// both about DKIM. Queries made only of these keep them ("setup" alone is its own need).
const GENERIC = new Set(
  "add change config configure configuration create delete edit error fix get guide help issue make new not problem record remove set setting setup up update use using work working".split(
    " ",
  ),
);

/** The words of a query that name its subject. */
function subjectTerms(query: string): string[] {
  const terms = tokenize(query);
  const specific = terms.filter((term) => !GENERIC.has(term));
  if (specific.length > 0) return specific;
  return terms.length > 0 ? terms : [query];
}

/** Same word, a typo of it (one edit or two swapped letters), or a longer form of it. */
function similarTerms(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 5 && long.startsWith(short)) return true;
  return short.length >= 4 && editDistanceAtMostOne(a, b);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    const rest = (from: number) => a.slice(from) === b.slice(from);
    // one substitution, or a swap of neighbours ("dkmi" → "dkim")
    return rest(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2));
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.slice(i) === longer.slice(i + 1);
}

/**
 * Groups searches that found nothing by their subject. The most searched query of a group leads
 * it; a query joins the first (largest) group whose leader shares a subject word with it, so
 * groups never chain ("dkim spf" joins DKIM, it does not pull SPF in with it).
 */
export function groupNoResultQueries(searches: { query: string; at: Date }[], now: Date): MissingArticleItem[] {
  const perQuery = new Map<string, QueryStats>();
  for (const { query, at } of searches) {
    const stats = perQuery.get(query) ?? { count: 0, lastSeen: at, score: 0 };
    stats.count += 1;
    stats.score += recencyWeight(at, now);
    if (at > stats.lastSeen) stats.lastSeen = at;
    perQuery.set(query, stats);
  }
  return groupQueries(perQuery);
}

interface QueryStats {
  count: number;
  lastSeen: Date;
  /** The sum of the searches' recency weights. */
  score: number;
}

/** groupNoResultQueries, from each query's counts and weight (as the database adds them up). */
function groupQueries(perQuery: Map<string, QueryStats>): MissingArticleItem[] {
  const ordered = [...perQuery.entries()].sort(([qa, a], [qb, b]) => b.count - a.count || b.lastSeen.getTime() - a.lastSeen.getTime() || qa.localeCompare(qb));

  const groups: { terms: string[]; item: MissingArticleItem }[] = [];
  for (const [query, stats] of ordered) {
    const terms = subjectTerms(query);
    const group = groups.find((g) => g.terms.some((t) => terms.some((u) => similarTerms(t, u))));
    if (group) {
      const { item } = group;
      item.customers += stats.count;
      item.score += stats.score;
      if (stats.lastSeen > item.lastSeen) item.lastSeen = stats.lastSeen;
      item.queries.push({ query, count: stats.count });
    } else {
      groups.push({
        terms,
        item: {
          kind: "missing",
          key: `missing:${query}`,
          title: query,
          customers: stats.count,
          lastSeen: stats.lastSeen,
          score: stats.score,
          queries: [{ query, count: stats.count }],
          writeHref: writeArticleHref(query),
        },
      });
    }
  }
  return groups.map((g) => g.item);
}
