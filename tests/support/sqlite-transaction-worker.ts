// A separate process writing to a test database with interactive transactions, for
// tests/unit/sqlite-transactions.test.ts. Each transaction reads a counter, waits, then writes
// the counter plus one and a row of its own: the read-then-write shape of publishing an article.
//
//   node --import tsx tests/support/sqlite-transaction-worker.ts <database url> <counter slug> <label> <transactions> <hold ms>
//
// The counter is the `position` of the category <counter slug>, which the test creates.
//
// It prints one JSON line when connected ({"ready":true}), starts on a line from stdin, and prints
// one JSON line when done: how many transactions committed, the errors of the others, and how long
// each took.
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { createPrismaClient } from "../../lib/db-client";

const [url, counterSlug, label, transactionsArg, holdArg] = process.argv.slice(2);
if (!url || !counterSlug || !label || !transactionsArg || !holdArg) {
  throw new Error("usage: <database url> <counter slug> <label> <transactions> <hold ms>");
}
const transactions = Number(transactionsArg);
const holdMs = Number(holdArg);

const db = createPrismaClient(url);
await db.category.findUniqueOrThrow({ where: { slug: counterSlug } }); // connected, pragmas set
console.log(JSON.stringify({ ready: true }));

const input = createInterface({ input: process.stdin });
await new Promise((resolve) => input.once("line", resolve));
input.close();

const report = { committed: 0, errors: [] as string[], durationsMs: [] as number[] };
for (let i = 0; i < transactions; i++) {
  const started = performance.now();
  try {
    await db.$transaction(async (tx) => {
      const counter = await tx.category.findUniqueOrThrow({ where: { slug: counterSlug }, select: { position: true } });
      await sleep(holdMs);
      await tx.category.update({ where: { slug: counterSlug }, data: { position: counter.position + 1 } });
      await tx.searchEvent.create({ data: { query: `${label} ${i}`, resultCount: counter.position } });
    });
    report.committed++;
  } catch (error) {
    // Prisma's message quotes the call site; its last line is the database's reason.
    const code = (error as { code?: string }).code;
    const reason = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
    report.errors.push(code ? `${code}: ${reason}` : `${reason}`);
  }
  report.durationsMs.push(performance.now() - started);
  // A pause between transactions, as between requests, so one process cannot keep the lock forever.
  await sleep(holdMs * Math.random());
}
await db.$disconnect();
console.log(JSON.stringify(report));
