// The Redis connection a fleet shares (REDIS_URL): rate limits and sign-in throttling, the search
// index of each content version, and (in scripts/start.ts) the channel that purges every
// instance's page cache. A single server runs without it. One client per process, connecting in
// the background and reconnecting by itself (node-redis); callers check `isReady` and fall back
// where they can (lib/limits/store.ts, lib/search/shared-index.ts).
import { createClient } from "redis";

export type RedisClient = ReturnType<typeof createClient>;

const GLOBAL = Symbol.for("helpdesk.redis");
type WithRedis = typeof globalThis & { [GLOBAL]?: RedisClient };

/** Whether this server is part of a fleet that shares Redis. */
export function redisConfigured(): boolean {
  return Boolean(process.env.REDIS_URL);
}

/** The process's Redis client (perhaps still connecting); null when REDIS_URL is not set. */
export function getRedis(): RedisClient | null {
  if (!process.env.REDIS_URL) return null;
  const holder = globalThis as WithRedis;
  if (!holder[GLOBAL]) {
    const client = createRedisClient(process.env.REDIS_URL);
    client.connect().catch((error: Error) => console.error("redis: could not connect, will keep trying:", error.message));
    holder[GLOBAL] = client;
  }
  return holder[GLOBAL];
}

function createRedisClient(url: string): RedisClient {
  const client = createClient({ url, pingInterval: 10_000, socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(retries * 200, 2_000) } });
  client.on("error", (error: Error) => console.error("redis:", error.message));
  return client;
}

/** A client of its own, connected (for a subscriber, or the front server outside Next). */
export async function connect(url: string): Promise<RedisClient> {
  const client = createRedisClient(url);
  await client.connect();
  return client;
}
