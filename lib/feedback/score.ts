// How satisfied readers were: Happy / Normal / Sad counts and one score from 0 to 100 (Happy 100,
// Normal 50, Sad 0, averaged). Every staff view (article list, dashboards, per-revision scores)
// computes it here, so the numbers agree everywhere.
import type { Database } from "../db-client";

export const RATINGS = ["happy", "normal", "sad"] as const;
export type Rating = (typeof RATINGS)[number];

export interface RatingCounts {
  happy: number;
  normal: number;
  sad: number;
}

export const noRatings = (): RatingCounts => ({ happy: 0, normal: 0, sad: 0 });

export function totalRatings(counts: RatingCounts): number {
  return counts.happy + counts.normal + counts.sad;
}

/** 0–100, or null when nobody has rated yet (no score is better than a made-up one). */
export function satisfactionScore(counts: RatingCounts): number | null {
  const total = totalRatings(counts);
  return total === 0 ? null : Math.round((100 * (counts.happy + counts.normal / 2)) / total);
}

/** Each rating's share in whole percent. */
export function ratingShares(counts: RatingCounts): RatingCounts {
  const total = totalRatings(counts);
  if (total === 0) return noRatings();
  return { happy: Math.round((100 * counts.happy) / total), normal: Math.round((100 * counts.normal) / total), sad: Math.round((100 * counts.sad) / total) };
}

function add(map: Map<string, RatingCounts>, key: string, rating: string, count: number) {
  if (!(RATINGS as readonly string[]).includes(rating)) return;
  const counts = map.get(key) ?? noRatings();
  counts[rating as Rating] += count;
  map.set(key, counts);
}

/** Counts per article, for the given articles or all of them. */
export async function ratingCountsByArticle(db: Database, articleIds?: string[]): Promise<Map<string, RatingCounts>> {
  const rows = await db.feedback.groupBy({
    by: ["articleId", "rating"],
    where: articleIds ? { articleId: { in: articleIds } } : {},
    _count: { _all: true },
  });
  const map = new Map<string, RatingCounts>();
  for (const row of rows) add(map, row.articleId, row.rating, row._count._all);
  return map;
}

/** Counts per revision of one article: how each published version was received. */
export async function ratingCountsByRevision(db: Database, articleId: string): Promise<Map<string, RatingCounts>> {
  const rows = await db.feedback.groupBy({
    by: ["revisionId", "rating"],
    where: { articleId, revisionId: { not: null } },
    _count: { _all: true },
  });
  const map = new Map<string, RatingCounts>();
  for (const row of rows) if (row.revisionId) add(map, row.revisionId, row.rating, row._count._all);
  return map;
}
