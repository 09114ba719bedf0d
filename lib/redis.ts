// The Redis connection a fleet shares (REDIS_URL): rate limits and sign-in throttling, the search
// index of each content version, and (in scripts/start.ts) the channel that purges every
// instance's page cache. A single server runs without it. Connected on first use, once per
// process; a broken connection reconnects by itself (node-redis), and callers fall back where
// they can (lib/limits/store.ts).
import { createClient } from "redis";

export type RedisClient = ReturnType<typeof createClient>;

const GLOBAL = Symbol.for("helpdesk.redis");
type WithRedis = typeof globalThis & { [GLOBAL]?: Promise<RedisClient> };

/** Whether this server is part of a fleet that shares Redis. */
export function redisConfigured(): boolean {
  return Boolean(process.env.REDIS_URL);
}

/** The process's Redis client, connected; null when REDIS_URL is not set. */
export function getRedis(): Promise<RedisClient> | null {
  if (!process.env.REDIS_URL) return null;
  const holder = globalThis as WithRedis;
  holder[GLOBAL] ??= connect(process.env.REDIS_URL).catch((error: unknown) => {
    delete holder[GLOBAL];
    throw error;
  });
  return holder[GLOBAL];
}

export async function connect(url: string): Promise<RedisClient> {
  const client = createClient({ url, pingInterval: 10_000, socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(retries * 200, 2_000) } });
  client.on("error", (error: Error) => console.error("redis:", error.message));
  await client.connect();
  return client;
}
