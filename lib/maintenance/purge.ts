// What the site keeps only for a while, deleted on a schedule (instrumentation.ts runs purgeExpired
// hourly in the server). Each rule is one indexed delete; running it on several servers at once,
// or twice, does no harm.
import type { SiteContext } from "../context";
import { utcDay } from "../limits/daily-secret";
import { SESSION_IDLE_MS } from "../auth/sessions";
import { DEVICE_MAX_AGE_S } from "../auth/devices";

const DAY_MS = 24 * 60 * 60 * 1000;

const RETENTION = {
  /** Finished customer searches: long enough for the 90-day insights and a season's comparison. */
  searchEventDays: 180,
  /** Contact requests marked as spam. */
  spamDays: 30,
} as const;

export interface PurgeSummary {
  searchEvents: number;
  limiterRows: number;
  sessions: number;
  devices: number;
  dailySecrets: number;
  spam: number;
}

export async function purgeExpired({ db }: SiteContext, now = new Date()): Promise<PurgeSummary> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const yesterday = utcDay(ago(DAY_MS));
  const [searchEvents, limiterRows, sessions, devices, dailySecrets, spam] = await Promise.all([
    db.searchEvent.deleteMany({ where: { createdAt: { lt: ago(RETENTION.searchEventDays * DAY_MS) } } }),
    // Rate-limiter and throttle rows whose window has ended.
    db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } }),
    db.staffSession.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { lastSeenAt: { lt: ago(SESSION_IDLE_MS) } }] } }),
    db.staffDevice.deleteMany({ where: { lastUsedAt: { lt: ago(DEVICE_MAX_AGE_S * 1000) } } }),
    // Yesterday's secret still checks contact forms opened before midnight; older ones go, and
    // with them any way to match stored address hashes to addresses.
    db.dailySecret.deleteMany({ where: { day: { lt: yesterday } } }),
    db.contactRequest.deleteMany({ where: { status: "spam", createdAt: { lt: ago(RETENTION.spamDays * DAY_MS) } } }),
  ]);
  return {
    searchEvents: searchEvents.count,
    limiterRows: limiterRows.count,
    sessions: sessions.count,
    devices: devices.count,
    dailySecrets: dailySecrets.count,
    spam: spam.count,
  };
}
