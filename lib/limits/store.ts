// Where rate-limit and sign-in counters live: in Redis when the fleet shares one (REDIS_URL), so
// every instance counts together and no database write is spent on them; otherwise in the
// database (rate-limiter-flexible's Prisma store, on SQLite or PostgreSQL alike). While Redis does
// not answer, a fleet counts in the database instead (the limiter's insurance), so limits hold.
import { RateLimiterPrisma, RateLimiterRedis, type RateLimiterStoreAbstract } from "rate-limiter-flexible";
import type { Database } from "../db-client";
import { getRedis } from "../redis";

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  /** Seconds the points last. */
  duration: number;
  /** Seconds a key stays blocked after block(); 0 for none. */
  blockDuration?: number;
  /** Turn a client over its limit away from memory until its window ends, without asking the store. */
  blockInMemory?: boolean;
}

const made = new WeakMap<Database, Map<string, Promise<RateLimiterStoreAbstract>>>();

/** One limiter per database and prefix, made on first use. */
export function getLimiter(db: Database, options: LimiterOptions): Promise<RateLimiterStoreAbstract> {
  let byPrefix = made.get(db);
  if (!byPrefix) made.set(db, (byPrefix = new Map()));
  let limiter = byPrefix.get(options.keyPrefix);
  if (!limiter) {
    limiter = Promise.resolve(create(db, options));
    byPrefix.set(options.keyPrefix, limiter);
  }
  return limiter;
}

function create(db: Database, { keyPrefix, points, duration, blockDuration = 0, blockInMemory = false }: LimiterOptions): RateLimiterStoreAbstract {
  const common = {
    keyPrefix,
    points,
    duration,
    blockDuration,
    ...(blockInMemory ? { inMemoryBlockOnConsumed: points + 1, inMemoryBlockDuration: duration } : {}),
  };
  // Expired rows are deleted by the purge job (lib/maintenance/purge.ts), not by a timer per limiter.
  const inDatabase = new RateLimiterPrisma({ ...common, storeClient: db, tableName: "rateLimiterFlexible", clearExpiredByTimeout: false });
  const redis = getRedis();
  if (!redis) return inDatabase;
  return new RateLimiterRedis({ ...common, storeClient: redis, useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: inDatabase });
}
