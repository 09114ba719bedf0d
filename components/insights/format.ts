// Dates and numbers as staff read them. UTC throughout, so every server and test agrees on the day.
const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/** "3 Nov 2026" */
export const formatDate = (value: Date) => date.format(value);
/** "3 Nov" */
export const formatDayMonth = (value: Date) => dayMonth.format(value);
/** "3 Nov 2026, 14:05 UTC" */
export const formatDateTime = (value: Date) => `${dateTime.format(value)} UTC`;

/** "+18", "−7" (a real minus sign), "±0". */
export function formatChange(change: number): string {
  if (change > 0) return `+${change}`;
  if (change < 0) return `−${Math.abs(change)}`;
  return "±0";
}

export const formatCount = (value: number) => value.toLocaleString("en");

/** "42%", or "–" when there is nothing to share out. */
export const formatShare = (share: number | null) => (share === null ? "–" : `${share}%`);

/** "1 rating", "3 ratings" */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
