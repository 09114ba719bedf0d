// Dates and numbers in the default language (siteConfig.languages[0]): the staff area, and customer
// pages in that language; the other languages' customer pages format through next-intl (lib/i18n).
// Dates are in UTC, so every server, browser and test agrees on the day; clock times the browser
// shows of its own (a draft saved a moment ago) are the reader's local time.
import { DEFAULT_LOCALE, languageTag } from "./i18n/locales";

const locale = languageTag(DEFAULT_LOCALE);
const date = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dayMonth = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat(locale, {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});
const localTime = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const localDayTime = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const number = new Intl.NumberFormat(locale);

const longDates = new Map<string, Intl.DateTimeFormat>();

/** "3 November 2026", or in a customer page's language ("3. November 2026" in German). */
export function formatLongDate(value: Date, code: string = DEFAULT_LOCALE): string {
  const tag = languageTag(code);
  let format = longDates.get(tag);
  if (!format) longDates.set(tag, (format = new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })));
  return format.format(value);
}

/** "3 Nov 2026" */
export const formatDate = (value: Date) => date.format(value);
/** "3 Nov" */
export const formatDayMonth = (value: Date) => dayMonth.format(value);
/** "3 Nov 2026, 14:05 UTC" */
export const formatDateTime = (value: Date) => `${dateTime.format(value)} UTC`;
/** "14:05", in the reader's time zone. */
export const formatLocalTime = (value: Date) => localTime.format(value);
/** "3 Nov, 14:05", in the reader's time zone. */
export const formatLocalDayTime = (value: Date) => localDayTime.format(value);
/** "12,345" */
export const formatCount = (value: number) => number.format(value);
