// One colour per rating across charts and bars. Colour is never the only cue: every use has a text label.
import type { Rating } from "@/lib/feedback/score";

export const RATING_NAMES: Record<Rating, string> = { happy: "Happy", normal: "Normal", sad: "Sad" };

/** Fill colours for SVG (Tailwind emerald-600, amber-400, red-600). */
export const RATING_FILLS: Record<Rating, string> = { happy: "#059669", normal: "#fbbf24", sad: "#dc2626" };

export const RATING_SWATCH: Record<Rating, string> = { happy: "bg-emerald-600", normal: "bg-amber-400", sad: "bg-red-600" };

/** A comment's writer's vote today: the comment came with Sad, and they may have changed it since. */
export function currentVoteText(rating: Rating): string {
  return rating === "sad" ? "still rates it Sad" : `now rates it ${RATING_NAMES[rating]}`;
}
