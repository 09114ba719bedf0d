// Rating values and limits, without Zod, so the rating widget ships no schema library.
export const RATINGS = ["happy", "normal", "sad"] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, string> = { happy: "Happy", normal: "Normal", sad: "Sad" };

export const COMMENT_MAX = 1000;
