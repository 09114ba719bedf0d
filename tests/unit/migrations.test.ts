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

describe.each(providers.filter((p) => p.available))("migrations on $name", ({ name: provider }) => {
  it("moves every stored comment to FeedbackComment, with its revision and time, and keeps every vote", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "helpdesk-migration-"));
    let url = `file:${path.join(dir, "old.db")}`;
    cleanUps.push(async () => rmSync(dir, { recursive: true, force: true }));
    if (provider === "postgresql") {
      const name = `helpdesk_migration_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
      await runOnPostgres(TEST_POSTGRES_URL!, `CREATE DATABASE "${name}"`);
      cleanUps.push(() => runOnPostgres(TEST_POSTGRES_URL!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      url = postgresUrl(TEST_POSTGRES_URL!, name);
    }
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
});
