// Reading the stored totals: each article's ratings and last-30-days views (ArticleTotals), and
// every day's ratings and views across the library (DailyTotals). Database triggers keep both up
// to date in the same transaction as each vote and view (migration 20261211000000_stored_totals),
// so a staff list sorts 10,000 articles or totals 90 days without adding up every vote again.
// Feedback and ArticleViewDay stay the truth: what the totals cannot answer exactly (a part of a
// day, a window other than today's) is counted from them here, and the window's views are
// recounted from them when a new UTC day begins.
import { join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import type { Database } from "../db-client";
import { noRatings, RATINGS, type Rating, type RatingCounts } from "./score";

/** ArticleTotals.views30d counts this many UTC days, today included. */
export const VIEW_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/** YYYY-MM-DD of the UTC day `daysBefore` days before `now`: ArticleViewDay's and DailyTotals' key. */
export function dayKey(now: Date, daysBefore = 0): string {
  return new Date(now.getTime() - daysBefore * DAY_MS).toISOString().slice(0, 10);
}

const startOfDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/**
 * Whether ArticleTotals.views30d holds the 30 days up to `now`'s UTC day. The window moves
 * forward (never back) on the first call of a new day, recounting every article's views from
 * ArticleViewDay in one statement; the triggers count from its first day on. Servers that race
 * here recount the same numbers. False for a `now` in an earlier window: ask the source rows.
 */
export async function viewWindowIsCurrent(db: Database, now = new Date()): Promise<boolean> {
  const startDay = dayKey(now, VIEW_WINDOW_DAYS - 1);
  const stored = await db.totalsWindow.findUnique({ where: { id: 1 } });
  if (stored && stored.startDay >= startDay) return stored.startDay === startDay;
  const windowStart = await db.$transaction(async (tx) => {
    // Another request may have moved it while this one waited for the write lock.
    const current = await tx.totalsWindow.findUnique({ where: { id: 1 } });
    if (current && current.startDay >= startDay) return current.startDay;
    await tx.totalsWindow.upsert({ where: { id: 1 }, create: { id: 1, startDay }, update: { startDay } });
    await tx.$executeRaw`
      UPDATE "ArticleTotals" SET "views30d" = COALESCE(
        (SELECT SUM(v."count") FROM "ArticleViewDay" v WHERE v."articleId" = "ArticleTotals"."articleId" AND v."day" >= ${startDay}), 0)`;
    return startDay;
  });
  return windowStart === startDay;
}

function addRows(counts: RatingCounts, rows: { rating: string; n: number | bigint | null }[]) {
  for (const row of rows) if ((RATINGS as readonly string[]).includes(row.rating)) counts[row.rating as Rating] += Number(row.n ?? 0);
}

/**
 * The deleted articles, whose votes and views the daily totals still hold: few, so a page that
 * totals several periods looks them up once and passes them to ratingsBetween and viewsBetween.
 */
export async function deletedArticleIds(db: Database): Promise<string[]> {
  return (await db.article.findMany({ where: { deletedAt: { not: null } }, select: { id: true } })).map((row) => row.id);
}

/** Too many to send as parameters: the database looks them up itself. */
const MAX_LISTED = 1_000;

function among(column: Sql, deleted: string[], inOrOut: "IN" | "NOT IN"): Sql {
  if (deleted.length > MAX_LISTED) return sql`${column} ${raw(inOrOut)} (SELECT a."id" FROM "Article" a WHERE a."deletedAt" IS NOT NULL)`;
  if (deleted.length === 0) return inOrOut === "IN" ? sql`1 = 0` : sql`1 = 1`;
  return sql`${column} ${raw(inOrOut)} (${join(deleted)})`;
}

/** Votes whose latest change fell in [from, to), counted from Feedback: for parts of a day. */
async function countVotes(db: Database, from: Date, to: Date, articles: Sql): Promise<RatingCounts> {
  const counts = noRatings();
  if (from >= to) return counts;
  addRows(
    counts,
    await db.$queryRaw<{ rating: string; n: number | bigint }[]>`
      SELECT f."rating", COUNT(*) AS "n" FROM "Feedback" f
      WHERE f."updatedAt" >= ${from} AND f."updatedAt" < ${to} AND ${articles}
      GROUP BY f."rating"`,
  );
  return counts;
}

/**
 * Ratings whose latest change fell in [from, to), leaving out the `deleted` articles
 * (deletedArticleIds): exactly what counting Feedback would give, from DailyTotals for the whole
 * days, Feedback for the ends of the range, less the deleted articles' votes.
 */
export async function ratingsBetween(db: Database, from: Date, to: Date, deleted: string[]): Promise<RatingCounts> {
  const live = among(sql`f."articleId"`, deleted, "NOT IN");
  const firstWholeDay = startOfDay(from).getTime() === from.getTime() ? from : new Date(startOfDay(from).getTime() + DAY_MS);
  const endOfWholeDays = startOfDay(to);
  if (firstWholeDay >= endOfWholeDays) return countVotes(db, from, to, live);
  const [days, head, tail, gone] = await Promise.all([
    db.dailyTotals.aggregate({
      where: { day: { gte: dayKey(firstWholeDay), lt: dayKey(endOfWholeDays) } },
      _sum: { happy: true, normal: true, sad: true },
    }),
    countVotes(db, from, firstWholeDay, live),
    countVotes(db, endOfWholeDays, to, live),
    deleted.length === 0 ? noRatings() : countVotes(db, firstWholeDay, endOfWholeDays, among(sql`f."articleId"`, deleted, "IN")),
  ]);
  return {
    happy: (days._sum.happy ?? 0) + head.happy + tail.happy - gone.happy,
    normal: (days._sum.normal ?? 0) + head.normal + tail.normal - gone.normal,
    sad: (days._sum.sad ?? 0) + head.sad + tail.sad - gone.sad,
  };
}

/** Views on the UTC days after `afterDay` up to and including `lastDay`, leaving out the `deleted` articles. */
export async function viewsBetween(db: Database, afterDay: string, lastDay: string, deleted: string[]): Promise<number> {
  const [days, gone] = await Promise.all([
    db.dailyTotals.aggregate({ where: { day: { gt: afterDay, lte: lastDay } }, _sum: { views: true } }),
    deleted.length === 0
      ? []
      : db.$queryRaw<{ n: number | bigint | null }[]>`
          SELECT SUM(v."count") AS "n" FROM "ArticleViewDay" v
          WHERE v."day" > ${afterDay} AND v."day" <= ${lastDay} AND ${among(sql`v."articleId"`, deleted, "IN")}`,
  ]);
  return (days._sum.views ?? 0) - Number(gone[0]?.n ?? 0);
}

/**
 * The score of lib/feedback/score.ts satisfactionScore, in SQL, over a row with "happy",
 * "normal" and "sad" columns (rounded half up, as Math.round does for scores, which are never
 * negative); NULL when there are no ratings.
 */
export function scoreSql(alias: string): Sql {
  const column = (name: string) => raw(`${alias}."${name}"`);
  const total = join([column("happy"), column("normal"), column("sad")], " + ");
  return sql`CASE WHEN ${total} = 0 THEN NULL ELSE ROUND((100 * (${column("happy")} + ${column("normal")} / 2.0)) / (${total})) END`;
}
