// The staff home page's numbers: how readers rated articles in the last 30 days against the 30
// before, what is waiting (open contact requests), and what customers searched for in vain.
// Ratings and views come from the stored daily totals (lib/feedback/totals.ts).
import { authorize, type StaffContext } from "../auth/roles";
import { dayKey, deletedArticleIds, ratingsBetween, viewsBetween } from "../feedback/totals";
import { type RatingSummary, summarise } from "./feedback-insights";

const OVERVIEW_DAYS = 30;
const DAY_MS = 86_400_000;

export interface StaffOverview {
  /** Ratings whose latest change fell in the last 30 days (a changed vote counts when it changed). */
  recent: RatingSummary;
  /** The same for the 30 days before those. */
  before: RatingSummary;
  /** Score points up or down; null when either period has no ratings. */
  scoreChange: number | null;
  views: { recent: number; before: number };
  openContactRequests: number;
  searchesWithoutResults: { count: number; topQueries: { query: string; count: number }[] };
}

export async function getStaffOverview(ctx: StaffContext, now = new Date()): Promise<StaffOverview> {
  authorize(ctx.actor, "editor");
  const { db } = ctx;
  const recentStart = new Date(now.getTime() - OVERVIEW_DAYS * DAY_MS);
  const beforeStart = new Date(now.getTime() - 2 * OVERVIEW_DAYS * DAY_MS);
  const failedWhere = { resultCount: 0, createdAt: { gte: recentStart } };
  const deleted = await deletedArticleIds(db);
  const [recent, before, viewsRecent, viewsBefore, openContactRequests, failedCount, failedQueries] = await Promise.all([
    ratingsBetween(db, recentStart, new Date(now.getTime() + 1), deleted).then(summarise),
    ratingsBetween(db, beforeStart, recentStart, deleted).then(summarise),
    viewsBetween(db, dayKey(now, OVERVIEW_DAYS), dayKey(now), deleted),
    viewsBetween(db, dayKey(now, 2 * OVERVIEW_DAYS), dayKey(now, OVERVIEW_DAYS), deleted),
    db.contactRequest.count({ where: { status: "open" } }),
    db.searchEvent.count({ where: failedWhere }),
    db.searchEvent.groupBy({ by: ["query"], where: failedWhere, _count: { _all: true }, orderBy: [{ _count: { query: "desc" } }, { query: "asc" }], take: 5 }),
  ]);
  return {
    recent,
    before,
    scoreChange: recent.score !== null && before.score !== null ? recent.score - before.score : null,
    views: { recent: viewsRecent, before: viewsBefore },
    openContactRequests,
    searchesWithoutResults: { count: failedCount, topQueries: failedQueries.map((row) => ({ query: row.query, count: row._count._all })) },
  };
}
