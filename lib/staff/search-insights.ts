// What customers searched for, from the SearchEvent rows the search box records: the most
// searched queries, the ones that found nothing, and the ones whose results nobody opened. Each
// points staff at an article worth writing.
import { z } from "zod";
import { authorize, type StaffContext } from "../auth/roles";
import { asDate, asNumber } from "../raw-rows";

export const INSIGHT_PERIODS = [7, 30, 90] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];
const DEFAULT_PERIOD: InsightPeriod = 30;

/** ?days=7|30|90; anything else is the default, never an error page. */
export function parsePeriod(value: unknown): InsightPeriod {
  const days = z.coerce
    .number()
    .catch(DEFAULT_PERIOD)
    .parse(Array.isArray(value) ? value[0] : value);
  return INSIGHT_PERIODS.find((period) => period === days) ?? DEFAULT_PERIOD;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ROW_LIMIT = 25;

interface QueryStats {
  query: string;
  /** Searches for this query in the period. */
  searches: number;
  withResults: number;
  opened: number;
  lastSeen: Date;
}

export interface SearchInsights {
  days: InsightPeriod;
  since: Date;
  totals: { searches: number; noResults: number; opened: number; noResultShare: number | null; openedShare: number | null };
  /** Most searched, with the share that found something and the share after which a result was opened. */
  top: (QueryStats & { withResultsShare: number; openedShare: number })[];
  /** Searches that found nothing: the articles missing from the library. */
  noResults: (QueryStats & { noResultSearches: number })[];
  /** Found something, but nobody opened it: the titles did not look like the answer. */
  notOpened: (QueryStats & { notOpenedSearches: number })[];
}

/** Whole percent, or null when there is nothing to divide. */
const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((100 * part) / whole));

export function writeArticleHref(query: string): string {
  return `/staff/articles/new?title=${encodeURIComponent(query)}`;
}

interface ListedRow {
  list: "totals" | "top" | "noResults" | "notOpened";
  query: string | null;
  searches: number | bigint | null;
  withResults: number | bigint | null;
  opened: number | bigint | null;
  noResultSearches: number | bigint | null;
  notOpenedSearches: number | bigint | null;
  lastSeen: unknown;
}

/**
 * One pass over the period's searches, grouped by query in the database; the three lists are
 * each ordered and cut to ROW_LIMIT there too, and the totals added up from the groups. The work
 * per view grows with the searches in the period, never with what is shown.
 */
export async function getSearchInsights(ctx: StaffContext, days: InsightPeriod, now = new Date()): Promise<SearchInsights> {
  authorize(ctx.actor, "editor");
  const since = new Date(now.getTime() - days * DAY_MS);
  // Each list is ordered by its own count, then by when that kind of search was last made, then
  // alphabetically. Opening needs results, so "found something, opened nothing" is exactly
  // resultCount > 0 with no opened slug.
  const rows = await ctx.db.$queryRaw<ListedRow[]>`
    WITH "grouped" AS MATERIALIZED (
      SELECT "query",
        COUNT(*) AS "searches",
        SUM(CASE WHEN "resultCount" > 0 THEN 1 ELSE 0 END) AS "withResults",
        SUM(CASE WHEN "openedSlug" IS NOT NULL THEN 1 ELSE 0 END) AS "opened",
        SUM(CASE WHEN "resultCount" = 0 THEN 1 ELSE 0 END) AS "noResultSearches",
        SUM(CASE WHEN "resultCount" > 0 AND "openedSlug" IS NULL THEN 1 ELSE 0 END) AS "notOpenedSearches",
        MAX("createdAt") AS "lastSeen",
        MAX(CASE WHEN "resultCount" = 0 THEN "createdAt" END) AS "lastNoResult",
        MAX(CASE WHEN "resultCount" > 0 AND "openedSlug" IS NULL THEN "createdAt" END) AS "lastNotOpened"
      FROM "SearchEvent"
      WHERE "createdAt" >= ${since} AND "createdAt" <= ${now}
      GROUP BY "query"
    )
    SELECT 'totals' AS "list", NULL AS "query", SUM("searches") AS "searches", SUM("withResults") AS "withResults", SUM("opened") AS "opened",
      SUM("noResultSearches") AS "noResultSearches", SUM("notOpenedSearches") AS "notOpenedSearches", NULL AS "lastSeen"
    FROM "grouped"
    UNION ALL
    SELECT 'top', "query", "searches", "withResults", "opened", "noResultSearches", "notOpenedSearches", "lastSeen" FROM (
      SELECT * FROM "grouped" ORDER BY "searches" DESC, "lastSeen" DESC, "query" ASC LIMIT ${ROW_LIMIT}
    ) AS "top"
    UNION ALL
    SELECT 'noResults', "query", "searches", "withResults", "opened", "noResultSearches", "notOpenedSearches", "lastSeen" FROM (
      SELECT * FROM "grouped" WHERE "noResultSearches" > 0 ORDER BY "noResultSearches" DESC, "lastNoResult" DESC, "query" ASC LIMIT ${ROW_LIMIT}
    ) AS "noResults"
    UNION ALL
    SELECT 'notOpened', "query", "searches", "withResults", "opened", "noResultSearches", "notOpenedSearches", "lastSeen" FROM (
      SELECT * FROM "grouped" WHERE "notOpenedSearches" > 0 ORDER BY "notOpenedSearches" DESC, "lastNotOpened" DESC, "query" ASC LIMIT ${ROW_LIMIT}
    ) AS "notOpened"`;

  const totalsRow = rows.find((row) => row.list === "totals");
  const searches = asNumber(totalsRow?.searches);
  const noResults = asNumber(totalsRow?.noResultSearches);
  const openedTotal = asNumber(totalsRow?.opened);
  const listed = (list: ListedRow["list"]) =>
    rows
      .filter((row) => row.list === list)
      .map((row) => ({
        stats: {
          query: row.query ?? "",
          searches: asNumber(row.searches),
          withResults: asNumber(row.withResults),
          opened: asNumber(row.opened),
          lastSeen: asDate(row.lastSeen),
        },
        noResultSearches: asNumber(row.noResultSearches),
        notOpenedSearches: asNumber(row.notOpenedSearches),
      }));

  return {
    days,
    since,
    totals: { searches, noResults, opened: openedTotal, noResultShare: percent(noResults, searches), openedShare: percent(openedTotal, searches) },
    top: listed("top").map(({ stats }) => ({
      ...stats,
      withResultsShare: percent(stats.withResults, stats.searches) ?? 0,
      openedShare: percent(stats.opened, stats.searches) ?? 0,
    })),
    noResults: listed("noResults").map(({ stats, noResultSearches }) => ({ ...stats, noResultSearches })),
    notOpened: listed("notOpened").map(({ stats, notOpenedSearches }) => ({ ...stats, notOpenedSearches })),
  };
}
