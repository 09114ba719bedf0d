// In a fleet, rate limits count in the shared Redis; while Redis does not answer they count in the
// database instead, so a Redis outage never lifts them. Run against a real redis-server when the
// machine has one (CI does), and against a port where nothing listens.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";

const hasRedis = (() => {
  try {
    execFileSync("sh", ["-c", "command -v redis-server"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
})();

async function limitsWith(redisUrl: string) {
  // A fresh Redis client and fresh limiters for this URL (lib/redis.ts keeps its client on globalThis).
  const holder = globalThis as Record<symbol, { disconnect?: () => Promise<void> } | undefined>;
  await holder[Symbol.for("helpdesk.redis")]?.disconnect?.().catch(() => {});
  delete holder[Symbol.for("helpdesk.redis")];
  vi.resetModules();
  vi.stubEnv("REDIS_URL", redisUrl);
  return import("@/lib/limits/limits");
}

describe("rate limits in a fleet", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await t.dispose();
  });

  const limiterRows = () => t.db.rateLimiterFlexible.count({ where: { key: { startsWith: "public:search" } } });

  it("still hold while Redis does not answer: they count in the database", async () => {
    const { enforceLimit, PUBLIC_LIMITS } = await limitsWith("redis://127.0.0.1:1");
    const client = { address: `203.0.113.${Math.floor(Math.random() * 200)}` };
    let accepted = 0;
    for (let i = 0; i < PUBLIC_LIMITS.search.address.points + 5; i++) {
      try {
        await enforceLimit({ db: t.db }, "search", client);
        accepted++;
      } catch {
        break;
      }
    }
    expect(accepted).toBe(PUBLIC_LIMITS.search.address.points);
    expect(await limiterRows()).toBeGreaterThan(0);
  });

  describe.runIf(hasRedis)("with a redis-server", () => {
    let redis: ChildProcess;
    const port = 16_000 + Math.floor(Math.random() * 1000);
    beforeAll(async () => {
      redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    afterAll(() => void redis.kill());

    it("count in Redis and write nothing to the database", async () => {
      await t.db.rateLimiterFlexible.deleteMany();
      const { enforceLimit, PUBLIC_LIMITS } = await limitsWith(`redis://127.0.0.1:${port}`);
      const { getRedis } = await import("@/lib/redis");
      await vi.waitFor(() => expect(getRedis()?.isReady).toBe(true));
      const client = { address: "198.51.100.9", visitor: randomUUID() };
      let accepted = 0;
      for (let i = 0; i < PUBLIC_LIMITS.search.address.points + 5; i++) {
        try {
          await enforceLimit({ db: t.db }, "search", client);
          accepted++;
        } catch {
          break;
        }
      }
      expect(accepted).toBe(PUBLIC_LIMITS.search.address.points);
      expect(await t.db.rateLimiterFlexible.count()).toBe(0);
      expect((await getRedis()!.keys("public:search*")).length).toBeGreaterThan(0);
      await getRedis()!.quit();
    });
  });
});
