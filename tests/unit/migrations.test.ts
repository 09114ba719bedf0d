// Migrations that move data carry every row over: the database is built by the real `prisma
// migrate deploy` up to the migration before, filled the way the old code filled it, then migrated.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { postgresUrl, runOnPostgres } from "../support/database-template";
import { providers, TEST_POSTGRES_URL } from "../support/database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const COMMENTS_MIGRATION = "20261203000000_feedback_comments";
const TOTALS_MIGRATION = "20261211000000_stored_totals";

/** `prisma migrate deploy` with only the migrations before `until` (or all of them). */
async function migrate(provider: "sqlite" | "postgresql", url: string, dir: string, until?: string) {
  const source = path.join(ROOT, "prisma", provider, "migrations");
  const migrations = path.join(dir, "migrations");
  rmSync(migrations, { recursive: true, force: true });
  for (const entry of readdirSync(source)) {
    if (until && entry >= until && entry !== "migration_lock.toml") continue;
    cpSync(path.join(source, entry), path.join(migrations, entry), { recursive: true });
  }
  const config = path.join(dir, "prisma.config.ts");
  writeFileSync(
    config,
    `import { createMigrationAdapterFactory } from ${JSON.stringify(path.join(ROOT, "lib/db-adapter.ts"))};
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(path.join(ROOT, "prisma", provider, "schema.prisma"))},
  migrations: { path: ${JSON.stringify(migrations)} },
  adapter: async () => createMigrationAdapterFactory(process.env.DATABASE_URL!),
};
`,
  );
  await promisify(execFile)("npx", ["prisma", "migrate", "deploy", "--config", config], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } });
}

/** Runs SQL on the database the old way, without the current Prisma client (whose models have moved on). */
async function sql(provider: "sqlite" | "postgresql", url: string, statement: string, params: unknown[] = []) {
  if (provider === "sqlite") {
    const db = new Database(url.replace(/^file:/, ""));
    try {
      const prepared = db.prepare(statement.replace(/\$(\d+)/g, "@p$1"));
      const named = Object.fromEntries(params.map((value, i) => [`p${i + 1}`, value]));
      return prepared.reader ? (prepared.all(named) as Record<string, unknown>[]) : (prepared.run(named), []);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

const cleanUps: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanUp of cleanUps) await cleanUp();
});

/** A folder for the migrations and an empty database of the provider, both removed after the run. */
async function emptyDatabase(provider: "sqlite" | "postgresql") {
  const dir = mkdtempSync(path.join(tmpdir(), "helpdesk-migration-"));
  cleanUps.push(async () => rmSync(dir, { recursive: true, force: true }));
  if (provider === "sqlite") return { dir, url: `file:${path.join(dir, "old.db")}` };
  const name = `helpdesk_migration_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await runOnPostgres(TEST_POSTGRES_URL!, `CREATE DATABASE "${name}"`);
  cleanUps.push(() => runOnPostgres(TEST_POSTGRES_URL!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  return { dir, url: postgresUrl(TEST_POSTGRES_URL!, name) };
}

describe.each(providers.filter((p) => p.available))("migrations on $name", ({ name: provider }) => {
  it("moves every stored comment to FeedbackComment, with its revision and time, and keeps every vote", { timeout: 120_000 }, async () => {
    const { dir, url } = await emptyDatabase(provider);
    await migrate(provider, url, dir, COMMENTS_MIGRATION);

    const stamp = (iso: string) => (provider === "sqlite" ? new Date(iso).getTime() : iso);
    await sql(provider, url, `INSERT INTO "Category" ("slug", "name", "description", "position") VALUES ('email', 'Email', 'Mail', 0)`);
    await sql(
      provider,
      url,
      `INSERT INTO "Article" ("id", "slug", "title", "description", "categorySlug", "status", "contentUpdatedAt", "updatedAt") VALUES ('a1', 'imap', 'IMAP', 'About IMAP', 'email', 'published', $1, $1)`,
      [stamp("2026-11-01T00:00:00Z")],
    );
    await sql(
      provider,
      url,
      `INSERT INTO "ArticleRevision" ("id", "articleId", "title", "description", "categorySlug", "body", "contentHash", "author") VALUES ('r1', 'a1', 'IMAP', 'About IMAP', 'email', 'Body', 'h', 'import')`,
    );
    const votes: [string, string, string | null, string | null][] = [
      ["f1", "sad", "I wanted the port numbers", "r1"],
      ["f2", "sad", null, "r1"],
      ["f3", "happy", null, null],
      ["f4", "sad", "   ", "r1"],
      ["f5", "sad", "Line one\nline two ✓", null],
    ];
    for (const [id, rating, comment, revisionId] of votes) {
      await sql(
        provider,
        url,
        `INSERT INTO "Feedback" ("id", "articleId", "revisionId", "visitorId", "rating", "comment", "createdAt", "updatedAt") VALUES ($1, 'a1', $2, $3, $4, $5, $6, $7)`,
        [id, revisionId, randomUUID(), rating, comment, stamp("2026-11-02T00:00:00Z"), stamp(`2026-11-0${id.slice(1)}T12:00:00Z`)],
      );
    }

    await migrate(provider, url, dir);

    const comments = await sql(provider, url, `SELECT "id", "feedbackId", "revisionId", "body", "createdAt" FROM "FeedbackComment" ORDER BY "id"`);
    expect(comments.map((row) => ({ ...row, createdAt: new Date(row.createdAt as string | number | Date).toISOString() }))).toEqual([
      { id: "f1", feedbackId: "f1", revisionId: "r1", body: "I wanted the port numbers", createdAt: "2026-11-01T12:00:00.000Z" },
      { id: "f5", feedbackId: "f5", revisionId: null, body: "Line one\nline two ✓", createdAt: "2026-11-05T12:00:00.000Z" },
    ]);
    const feedback = await sql(provider, url, `SELECT "id", "rating" FROM "Feedback" ORDER BY "id"`);
    expect(feedback).toEqual(votes.map(([id, rating]) => ({ id, rating })));
  });

  it("counts the stored votes and views into the new totals, and the triggers take over from there", { timeout: 120_000 }, async () => {
    const { dir, url } = await emptyDatabase(provider);
    await migrate(provider, url, dir, TOTALS_MIGRATION);

    // As the app writes them: ISO text on SQLite (the adapter's format), timestamps on PostgreSQL.
    const stamp = (date: Date) => (provider === "sqlite" ? date.toISOString().replace("Z", "+00:00") : date.toISOString());
    const now = Date.now();
    const daysAgo = (n: number) => new Date(now - n * 86_400_000);
    const day = (n: number) => daysAgo(n).toISOString().slice(0, 10);
    await sql(provider, url, `INSERT INTO "Category" ("slug", "name", "description", "position") VALUES ('email', 'Email', 'Mail', 0)`);
    for (const id of ["a1", "a2", "a3"]) {
      await sql(
        provider,
        url,
        `INSERT INTO "Article" ("id", "slug", "title", "description", "categorySlug", "status", "contentUpdatedAt", "updatedAt") VALUES ($1, $1, $1, 'd', 'email', 'published', $2, $2)`,
        [id, stamp(daysAgo(50))],
      );
    }
    const votes: [string, string, number][] = [
      ["a1", "happy", 1],
      ["a1", "happy", 1],
      ["a1", "sad", 40],
      ["a2", "normal", 1],
    ];
    for (const [i, [articleId, rating, ago]] of votes.entries()) {
      await sql(provider, url, `INSERT INTO "Feedback" ("id", "articleId", "visitorId", "rating", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $5)`, [
        `f${i}`,
        articleId,
        `visitor-${i}`,
        rating,
        stamp(daysAgo(ago)),
      ]);
    }
    for (const [articleId, ago, count] of [
      ["a1", 0, 3],
      ["a1", 29, 4],
      ["a1", 30, 100],
      ["a2", 2, 5],
    ] as const) {
      await sql(provider, url, `INSERT INTO "ArticleViewDay" ("articleId", "day", "count") VALUES ($1, $2, $3)`, [articleId, day(ago), count]);
    }

    await migrate(provider, url, dir);

    const totals = await sql(provider, url, `SELECT "articleId", "happy", "normal", "sad", "views30d" FROM "ArticleTotals" ORDER BY "articleId"`);
    expect(totals.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === "articleId" ? v : Number(v)])))).toEqual([
      { articleId: "a1", happy: 2, normal: 0, sad: 1, views30d: 7 }, // 30 days back is outside the 30 days
      { articleId: "a2", happy: 0, normal: 1, sad: 0, views30d: 5 },
      { articleId: "a3", happy: 0, normal: 0, sad: 0, views30d: 0 },
    ]);
    const daily = await sql(provider, url, `SELECT "day", "happy", "normal", "sad", "views" FROM "DailyTotals" ORDER BY "day"`);
    const asNumbers = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === "day" ? v : Number(v)]));
    expect(daily.map(asNumbers)).toEqual([
      { day: day(40), happy: 0, normal: 0, sad: 1, views: 0 },
      { day: day(30), happy: 0, normal: 0, sad: 0, views: 100 },
      { day: day(29), happy: 0, normal: 0, sad: 0, views: 4 },
      { day: day(2), happy: 0, normal: 0, sad: 0, views: 5 },
      { day: day(1), happy: 2, normal: 1, sad: 0, views: 0 },
      { day: day(0), happy: 0, normal: 0, sad: 0, views: 3 },
    ]);

    // A changed vote moves from its old day and rating to the new ones.
    await sql(provider, url, `UPDATE "Feedback" SET "rating" = 'happy', "updatedAt" = $1 WHERE "id" = 'f2'`, [stamp(daysAgo(0))]);
    expect(asNumbers((await sql(provider, url, `SELECT "happy", "sad" FROM "ArticleTotals" WHERE "articleId" = 'a1'`))[0]!)).toEqual({ happy: 3, sad: 0 });
    expect((await sql(provider, url, `SELECT "day", "happy", "sad" FROM "DailyTotals" WHERE "happy" + "sad" > 0 ORDER BY "day"`)).map(asNumbers)).toEqual([
      { day: day(1), happy: 2, sad: 0 },
      { day: day(0), happy: 1, sad: 0 },
    ]);
  });
});
