// Dates and shares as the staff dashboards in this folder, the backlog and the inbox show them.
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

export const formatDay = (date: Date) => dayFormat.format(date);
/** With the time, in UTC (said so on screen), so two staff members read the same thing. */
export const formatTime = (date: Date) => `${timeFormat.format(date)} UTC`;
export const formatShare = (share: number | null) => (share === null ? "–" : `${share}%`);
export const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
