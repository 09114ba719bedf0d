// What customers searched for, from the SearchEvent rows the search box records: the most
// searched queries, the ones that found nothing, and the ones whose results nobody opened. Each
// points staff at an article worth writing.
import { z } from "zod";
import { authorize, type StaffContext } from "../auth/roles";

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

/**
 * The period's totals, then each list as its own query, grouped, ordered and cut to ROW_LIMIT in
 * the database: the work per view grows with the rows in the period, never with what is shown.
 */
export async function getSearchInsights(ctx: StaffContext, days: InsightPeriod, now = new Date()): Promise<SearchInsights> {
  authorize(ctx.actor, "editor");
  const { db } = ctx;
  const since = new Date(now.getTime() - days * DAY_MS);
  const inPeriod = { createdAt: { gte: since, lte: now } };
  // Most searched first, then the most recently searched, then alphabetically.
  const ranked = (where: object) =>
    db.searchEvent.groupBy({
      by: ["query"],
      where: { ...inPeriod, ...where },
      _count: { query: true },
      _max: { createdAt: true },
      orderBy: [{ _count: { query: "desc" } }, { _max: { createdAt: "desc" } }, { query: "asc" }],
      take: ROW_LIMIT,
    });
  const [searches, noResults, openedTotal, topRows, noResultRows, notOpenedRows] = await Promise.all([
    db.searchEvent.count({ where: inPeriod }),
    db.searchEvent.count({ where: { ...inPeriod, resultCount: 0 } }),
    db.searchEvent.count({ where: { ...inPeriod, openedSlug: { not: null } } }),
    ranked({}),
    ranked({ resultCount: 0 }),
    // Opening needs results, so "found something, opened nothing" is exactly this.
    ranked({ resultCount: { gt: 0 }, openedSlug: null }),
  ]);

  // The full counts of just the queries shown.
  const shown = [...new Set([...topRows, ...noResultRows, ...notOpenedRows].map((row) => row.query))];
  const [all, withResults, opened] = await Promise.all([
    db.searchEvent.groupBy({ by: ["query"], where: { ...inPeriod, query: { in: shown } }, _count: { query: true }, _max: { createdAt: true } }),
    db.searchEvent.groupBy({ by: ["query"], where: { ...inPeriod, query: { in: shown }, resultCount: { gt: 0 } }, _count: { query: true } }),
    db.searchEvent.groupBy({ by: ["query"], where: { ...inPeriod, query: { in: shown }, openedSlug: { not: null } }, _count: { query: true } }),
  ]);
  const countOf = (rows: { query: string; _count: { query: number } }[]) => new Map(rows.map((row) => [row.query, row._count.query]));
  const [allBy, withResultsBy, openedBy] = [countOf(all), countOf(withResults), countOf(opened)];
  const lastSeenBy = new Map(all.map((row) => [row.query, row._max.createdAt ?? since]));
  const stats = (query: string): QueryStats => ({
    query,
    searches: allBy.get(query) ?? 0,
    withResults: withResultsBy.get(query) ?? 0,
    opened: openedBy.get(query) ?? 0,
    lastSeen: lastSeenBy.get(query) ?? since,
  });

  return {
    days,
    since,
    totals: { searches, noResults, opened: openedTotal, noResultShare: percent(noResults, searches), openedShare: percent(openedTotal, searches) },
    top: topRows.map((row) => {
      const s = stats(row.query);
      return { ...s, withResultsShare: percent(s.withResults, s.searches) ?? 0, openedShare: percent(s.opened, s.searches) ?? 0 };
    }),
    noResults: noResultRows.map((row) => ({ ...stats(row.query), noResultSearches: row._count.query })),
    notOpened: notOpenedRows.map((row) => ({ ...stats(row.query), notOpenedSearches: row._count.query })),
  };
}
