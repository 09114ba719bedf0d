// Per-client limits on what anonymous visitors can write: votes, view counts, contact requests and
// search events. Without them one client wrote about 5,000 rows a minute to each, sank an article's
// score, made an unread article the most popular and buried the inbox.
//
// A client is its visitor cookie (when it has one) and its address, hashed with the day's secret
// (lib/limits/daily-secret.ts), never the address itself. Counters live in the database through
// rate-limiter-flexible's Prisma store, so every server process shares them and a restart does not
// reset them; once a client is over a limit it is turned away from memory, without a database
// write, until the window ends. In a fleet the counters live in Redis (lib/limits/store.ts).
import { createHmac } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { SiteContext } from "../context";
import { HttpError } from "../http-error";
import { dailySecret } from "./daily-secret";
import { getLimiter } from "./store";

const MINUTE = 60;

/** Points per window, per kind of client key. Humans stay far below these; scripts hit them in seconds. */
export const PUBLIC_LIMITS = {
  vote: { visitor: { points: 20, seconds: MINUTE }, address: { points: 60, seconds: MINUTE } },
  view: { address: { points: 120, seconds: MINUTE } },
  contact: { visitor: { points: 3, seconds: 10 * MINUTE }, address: { points: 5, seconds: 10 * MINUTE } },
  search: { address: { points: 60, seconds: MINUTE } },
} as const satisfies Record<string, Partial<Record<"visitor" | "address", { points: number; seconds: number }>>>;

export type LimitedAction = keyof typeof PUBLIC_LIMITS;

const WHAT: Record<LimitedAction, string> = {
  vote: "ratings",
  view: "page views",
  contact: "messages",
  search: "searches",
};

/** 429 with how long to wait: the route handler sends it as Retry-After. */
export class TooManyRequestsError extends HttpError {
  constructor(
    action: LimitedAction,
    readonly retryAfterSeconds: number,
  ) {
    super(429, `Too many ${WHAT[action]} from your connection. Please try again in ${describeWait(retryAfterSeconds)}.`);
  }
}

function describeWait(seconds: number) {
  return seconds < 90 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
}

export interface PublicClient {
  /** The client's address, as lib/client-address.ts read it. */
  address: string;
  /** The visitor cookie's value, when there is one. */
  visitor?: string | null | undefined;
}

/** The address as rate limits store it: keyed with today's secret, never the address itself. */
export async function hashedAddress(ctx: SiteContext, address: string): Promise<string> {
  return createHmac("sha256", await dailySecret(ctx))
    .update(address)
    .digest("base64url")
    .slice(0, 22);
}

function limiterFor(ctx: SiteContext, name: string, { points, seconds }: { points: number; seconds: number }) {
  return getLimiter(ctx.db, { keyPrefix: `public:${name}`, points, duration: seconds, blockInMemory: true });
}

/**
 * Whether limits apply: RATE_LIMITS=off turns them all off (counting every view report too), for
 * load tests that play many clients from one machine.
 */
export function limitsEnabled(): boolean {
  return process.env.RATE_LIMITS !== "off";
}

/**
 * Counts one `action` against each of the client's keys; throws TooManyRequestsError, and counts
 * nothing more, once any of them is over its limit.
 */
export async function enforceLimit(ctx: SiteContext, action: LimitedAction, client: PublicClient): Promise<void> {
  if (!limitsEnabled()) return;
  const rules: Partial<Record<"visitor" | "address", { points: number; seconds: number }>> = PUBLIC_LIMITS[action];
  const keys: [string, { points: number; seconds: number }, string][] = [];
  if (rules.address) keys.push([`${action}:address`, rules.address, await hashedAddress(ctx, client.address)]);
  if (rules.visitor && client.visitor) keys.push([`${action}:visitor`, rules.visitor, client.visitor]);
  for (const [name, rule, key] of keys) {
    try {
      await (await limiterFor(ctx, name, rule)).consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new TooManyRequestsError(action, Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      throw rejection;
    }
  }
}

/**
 * True the first time a client reports viewing an article on a UTC day, false after: a view counts
 * once per visitor (cookie, or else address) per article per day.
 */
export async function firstViewToday(ctx: SiteContext, articleId: string, client: PublicClient): Promise<boolean> {
  if (!limitsEnabled()) return true;
  const who = client.visitor ? `v:${client.visitor}` : `a:${await hashedAddress(ctx, client.address)}`;
  const limiter = await limiterFor(ctx, "view:once", { points: 1, seconds: 24 * 60 * MINUTE });
  try {
    await limiter.consume(`${new Date().toISOString().slice(0, 10)}:${articleId}:${who}`);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}
