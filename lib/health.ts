// What GET /api/health reports, so a load balancer can take a failing instance out: the database
// (the instance cannot serve without it), the shared cache store (Redis, in a fleet), the content
// version every instance should agree on, and the build it runs.
import { getContentVersion } from "./articles/reads";
import { currentBuildId } from "./build-id";
import type { SiteContext } from "./context";
import { getRedis, redisConfigured } from "./redis";

export interface Health {
  /** "ok", or "unavailable" when this instance cannot serve (its database is unreachable). */
  status: "ok" | "degraded" | "unavailable";
  database: { ok: boolean; ms: number; error?: string };
  /** The shared cache and limit store: "memory" on a single server, "redis" in a fleet. */
  cache: { store: "memory" | "redis"; ok: boolean; ms: number; error?: string };
  contentVersion: string | null;
  buildId: string;
  uptimeSeconds: number;
}

const CHECK_TIMEOUT_MS = 2_000;

async function timed<T>(check: () => Promise<T>): Promise<{ ok: boolean; ms: number; value?: T; error?: string }> {
  const started = performance.now();
  try {
    const value = await Promise.race([
      check(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started), value };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), error: error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : "failed" };
  }
}

export async function checkHealth(ctx: SiteContext): Promise<Health> {
  const [database, cache] = await Promise.all([
    timed(() => getContentVersion(ctx)),
    redisConfigured() ? timed(async () => getRedis()!.ping()) : Promise.resolve({ ok: true, ms: 0, error: undefined }),
  ]);
  const status = !database.ok ? "unavailable" : !cache.ok ? "degraded" : "ok";
  return {
    status,
    database: { ok: database.ok, ms: database.ms, ...(database.error ? { error: database.error } : {}) },
    cache: { store: redisConfigured() ? "redis" : "memory", ok: cache.ok, ms: cache.ms, ...(cache.error ? { error: cache.error } : {}) },
    contentVersion: (database.value as string | undefined) ?? null,
    buildId: currentBuildId(),
    uptimeSeconds: Math.round(process.uptime()),
  };
}
