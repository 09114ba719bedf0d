// What customers searched for, from the SearchEvent rows the search box records: the most
// searched queries, the ones that found nothing, and the ones whose results nobody opened. Each
// points staff at an article worth writing.
import { z } from "zod";
import { authorize, type StaffContext } from "../auth/roles";

export const INSIGHT_PERIODS = [7, 30, 90] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];
export const DEFAULT_PERIOD: InsightPeriod = 30;

/** ?days=7|30|90; anything else is the default, never an error page. */
export function parsePeriod(value: unknown): InsightPeriod {
  const days = z.coerce.number().catch(DEFAULT_PERIOD).parse(Array.isArray(value) ? value[0] : value);
  return INSIGHT_PERIODS.find((period) => period === days) ?? DEFAULT_PERIOD;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const ROW_LIMIT = 25;

export interface QueryStats {
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
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((100 * part) / whole));

export function writeArticleHref(query: string): string {
  return `/staff/articles/new?title=${encodeURIComponent(query)}`;
}

export async function getSearchInsights(ctx: StaffContext, days: InsightPeriod, now = new Date()): Promise<SearchInsights> {
  authorize(ctx.actor, "editor");
  const since = new Date(now.getTime() - days * DAY_MS);
  const inPeriod = { createdAt: { gte: since, lte: now } };
  const [all, withResults, opened] = await Promise.all([
    ctx.db.searchEvent.groupBy({ by: ["query"], where: inPeriod, _count: { _all: true }, _max: { createdAt: true } }),
    ctx.db.searchEvent.groupBy({ by: ["query"], where: { ...inPeriod, resultCount: { gt: 0 } }, _count: { _all: true } }),
    ctx.db.searchEvent.groupBy({ by: ["query"], where: { ...inPeriod, openedSlug: { not: null } }, _count: { _all: true } }),
  ]);
  const withResultsBy = new Map(withResults.map((row) => [row.query, row._count._all]));
  const openedBy = new Map(opened.map((row) => [row.query, row._count._all]));
  const stats: QueryStats[] = all.map((row) => ({
    query: row.query,
    searches: row._count._all,
    withResults: withResultsBy.get(row.query) ?? 0,
    opened: openedBy.get(row.query) ?? 0,
    lastSeen: row._max.createdAt ?? since,
  }));

  const searches = sum(stats, (s) => s.searches);
  const noResults = searches - sum(stats, (s) => s.withResults);
  const openedTotal = sum(stats, (s) => s.opened);
  const byCount = (count: (s: QueryStats) => number) => (a: QueryStats, b: QueryStats) =>
    count(b) - count(a) || b.lastSeen.getTime() - a.lastSeen.getTime() || a.query.localeCompare(b.query);

  return {
    days,
    since,
    totals: { searches, noResults, opened: openedTotal, noResultShare: percent(noResults, searches), openedShare: percent(openedTotal, searches) },
    top: [...stats]
      .sort(byCount((s) => s.searches))
      .slice(0, ROW_LIMIT)
      .map((s) => ({ ...s, withResultsShare: percent(s.withResults, s.searches) ?? 0, openedShare: percent(s.opened, s.searches) ?? 0 })),
    noResults: stats
      .map((s) => ({ ...s, noResultSearches: s.searches - s.withResults }))
      .filter((s) => s.noResultSearches > 0)
      .sort(byCount((s) => s.searches - s.withResults))
      .slice(0, ROW_LIMIT),
    notOpened: stats
      .map((s) => ({ ...s, notOpenedSearches: notOpenedWithResults(s) }))
      .filter((s) => s.notOpenedSearches > 0)
      .sort(byCount(notOpenedWithResults))
      .slice(0, ROW_LIMIT),
  };
}

// Opening needs results, so every opened search is one of those with results.
const notOpenedWithResults = (s: QueryStats) => s.withResults - s.opened;

function sum<T>(items: T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}
