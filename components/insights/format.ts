// Dates and numbers as staff read them: lib/format.ts writes them the brand's way (UTC dates), and
// these add what only the staff pages need.
import { formatCount } from "@/lib/format";

export { formatCount, formatDate, formatDateTime, formatDayMonth } from "@/lib/format";

/** "+18", "−7" (a real minus sign), "±0". */
export function formatChange(change: number): string {
  if (change > 0) return `+${change}`;
  if (change < 0) return `−${Math.abs(change)}`;
  return "±0";
}

/** "42%", or "–" when there is nothing to share out. */
export const formatShare = (share: number | null) => (share === null ? "–" : `${share}%`);

/** "1 rating", "3 ratings" */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
