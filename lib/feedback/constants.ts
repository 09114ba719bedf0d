// Rating values and limits, without Zod, so the rating widget ships no schema library.
export const RATINGS = ["happy", "normal", "sad"] as const;
export type Rating = (typeof RATINGS)[number];

export const COMMENT_MAX = 1000;
