// Two processes writing one SQLite file with interactive transactions (the site while
// `npm run content:import` runs, or an e2e test process beside the server): a transaction that
// meets the other's write lock waits for it (busy_timeout) instead of failing with "database is
// locked", and no write is lost. See Shims 5 and 6 in lib/db-adapter.ts.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SQLITE_BUSY_SPIN_MS, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db-adapter";
import { createPrismaClient } from "@/lib/db-client";
import { createTestDatabase, type TestDatabase } from "../support/database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER = path.join(ROOT, "tests/support/sqlite-transaction-worker.ts");
const COUNTER = "transaction-counter";

interface WorkerReport {
  committed: number;
  errors: string[];
  durationsMs: number[];
}

/** A worker process (tests/support/sqlite-transaction-worker.ts), connected and waiting for `go`. */
async function startWorker(url: string, label: string, transactions: number, holdMs: number) {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, url, COUNTER, label, String(transactions), String(holdMs)], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const nextLine = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`worker ${label} exited with ${await exited}: ${stderr}`);
    return JSON.parse(line.value) as unknown;
  };
  expect(await nextLine()).toEqual({ ready: true });
  return {
    go: () => child.stdin.end("go\n"),
    report: async () => {
      const report = (await nextLine()) as WorkerReport;
      expect(await exited).toBe(0);
      return report;
    },
  };
}

// Worker processes take a few seconds to start on a loaded 2-core machine.
describe("SQLite transactions from two processes", { timeout: 60_000 }, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
  });
  afterAll(() => t.dispose());

  const resetCounter = async () => {
    await t.db.searchEvent.deleteMany();
    await t.db.category.upsert({
      where: { slug: COUNTER },
      create: { slug: COUNTER, name: "Counter", description: "Counts committed transactions.", position: 0 },
      update: { position: 0 },
    });
  };

  it("waits only briefly inside SQLite, and commits to disk before answering (synchronous=FULL)", async () => {
    const [timeout] = await t.db.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
    expect(Number(timeout?.timeout)).toBe(SQLITE_BUSY_SPIN_MS);
    const [synchronous] = await t.db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    expect(Number(synchronous?.synchronous)).toBe(2); // FULL
  });

  it("waits for another connection's lock without stopping the event loop, then writes", async () => {
    await resetCounter();
    const holder = createPrismaClient(t.url);
    try {
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 10);
      let written: Promise<unknown> = Promise.resolve();
      await holder.$transaction(async (tx) => {
        await tx.category.update({ where: { slug: COUNTER }, data: { position: { increment: 1 } } });
        // Another client of this process writes while the lock is held: it must wait, not fail.
        written = t.db.category.update({ where: { slug: COUNTER }, data: { position: { increment: 1 } } });
        await sleep(500);
      });
      await written;
      clearInterval(ticker);
      // Timers kept firing while the second write waited (a synchronous busy wait would freeze them).
      expect(ticks).toBeGreaterThan(20);
    } finally {
      await holder.$disconnect();
    }
    expect((await t.db.category.findUniqueOrThrow({ where: { slug: COUNTER } })).position).toBe(2);
  });

  it("a read-then-write transaction waits for another process's open write transaction", async () => {
    await resetCounter();
    const worker = await startWorker(t.url, "waiter", 1, 10);
    const holdMs = 600;
    // This process opens a write transaction and keeps it open while the worker starts its own.
    await t.db.$transaction(async (tx) => {
      await tx.category.update({ where: { slug: COUNTER }, data: { position: { increment: 1 } } });
      worker.go();
      await sleep(holdMs);
    });
    const report = await worker.report();
    expect(report.errors).toEqual([]);
    expect(report.committed).toBe(1);
    // It waited for the lock (rather than failing at once), and then read the committed counter.
    expect(report.durationsMs[0]).toBeGreaterThan(holdMs / 2);
    expect((await t.db.category.findUniqueOrThrow({ where: { slug: COUNTER } })).position).toBe(2);
  });

  it("two processes' concurrent read-then-write transactions all commit, and every write is kept", async () => {
    await resetCounter();
    const transactions = 25;
    const workers = await Promise.all(["first", "second"].map((label) => startWorker(t.url, label, transactions, 5)));
    for (const worker of workers) worker.go();
    const reports = await Promise.all(workers.map((worker) => worker.report()));

    // With a deferred BEGIN, overlapping transactions failed at their write, at once: SQLITE_BUSY
    // (reported by Prisma as P1008 "Operation has timed out") or SQLITE_BUSY_SNAPSHOT ("database
    // is locked"), some fifteen of the fifty.
    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    expect(reports.map((report) => report.committed)).toEqual([transactions, transactions]);
    // Serialized: no transaction read a counter that another was about to change.
    expect((await t.db.category.findUniqueOrThrow({ where: { slug: COUNTER } })).position).toBe(2 * transactions);
    expect(await t.db.searchEvent.count()).toBe(2 * transactions);
    const positions = (await t.db.searchEvent.findMany({ select: { resultCount: true } })).map((row) => row.resultCount);
    expect(new Set(positions).size).toBe(2 * transactions);
  });

  it("a transaction that waited in vain fails, and leaves the client able to start the next one", async () => {
    await resetCounter();
    const holder = createPrismaClient(t.url);
    try {
      await holder.$transaction(
        async (tx) => {
          await tx.category.update({ where: { slug: COUNTER }, data: { position: { increment: 1 } } });
          // Another connection holds the write lock past busy_timeout: BEGIN gives up.
          const started = performance.now();
          const error = await t.db.$transaction(async (other) => other.category.findMany()).catch((e: unknown) => e);
          expect(error).toMatchObject({ code: "P1008" }); // SQLITE_BUSY, as the adapter reports it
          expect(performance.now() - started).toBeGreaterThanOrEqual(SQLITE_BUSY_TIMEOUT_MS * 0.9);
        },
        { timeout: 4 * SQLITE_BUSY_TIMEOUT_MS },
      );
    } finally {
      await holder.$disconnect();
    }
    // The failed BEGIN released the client's lock: the next transaction runs.
    await t.db.$transaction(async (tx) => tx.category.update({ where: { slug: COUNTER }, data: { position: { increment: 1 } } }));
    expect((await t.db.category.findUniqueOrThrow({ where: { slug: COUNTER } })).position).toBe(2);
  });
});
