// One random secret per UTC day, stored in the database so every server shares it (prisma model
// DailySecret). It keys the hash of client addresses in rate limits, so that what the database
// holds can be matched against an address only while that day's secret exists, and it signs the
// contact form's timestamp. The purge job deletes secrets older than yesterday's.
import { randomBytes } from "node:crypto";
import type { SiteContext } from "../context";
import type { Database } from "../db-client";

export function utcDay(at = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Per database, the secrets already read: only today's and yesterday's are ever asked for. On
 * globalThis, so the copy of this module in instrumentation.ts's bundle (which reads today's
 * secret at start, lib/maintenance/schedule.ts) and the routes' copies share it.
 */
const globalForSecrets = globalThis as unknown as { dailySecrets?: WeakMap<Database, Map<string, Promise<string>>> };
const known = (globalForSecrets.dailySecrets ??= new WeakMap());

/** The secret of `day` (today by default), made on first use. */
export function dailySecret(ctx: SiteContext, day = utcDay()): Promise<string> {
  let byDay = known.get(ctx.db);
  if (!byDay) known.set(ctx.db, (byDay = new Map()));
  let secret = byDay.get(day);
  if (!secret) {
    secret = readOrCreate(ctx, day);
    secret.catch(() => byDay.delete(day));
    if (byDay.size > 4) byDay.clear();
    byDay.set(day, secret);
  }
  return secret;
}

async function readOrCreate({ db }: SiteContext, day: string): Promise<string> {
  const existing = await db.dailySecret.findUnique({ where: { day } });
  if (existing) return existing.secret;
  // Another server may create it at the same moment: the row that exists afterwards wins.
  await db.dailySecret.createMany({ data: [{ day, secret: randomBytes(32).toString("base64url") }] }).catch(() => undefined);
  return (await db.dailySecret.findUniqueOrThrow({ where: { day } })).secret;
}
