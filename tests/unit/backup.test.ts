// Backups taken while votes keep arriving, restored into an empty database: whole (integrity
// check), and holding exactly the database at the moment of the backup. And npm run db:backup /
// db:restore refusing bad input with a clear message, changing nothing.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupPostgres, restorePostgres } from "@/lib/backup/postgresql";
import { backupSqlite, checkSqliteFile, restoreSqlite } from "@/lib/backup/sqlite";
import type { Database as PrismaDatabase } from "@/lib/db-client";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SEEDED_VOTES = 20_000;

/** An article and many votes, written fast: a backup of it takes long enough to overlap new votes. */
async function seed(db: PrismaDatabase) {
  await db.category.create({ data: { slug: "email", name: "Email", description: "Mail" } });
  const article = await db.article.create({
    data: { slug: "imap", title: "IMAP", description: "About IMAP", categorySlug: "email", status: "published", contentUpdatedAt: new Date() },
  });
  for (let i = 0; i < SEEDED_VOTES; i += 5_000) {
    await db.feedback.createMany({
      data: Array.from({ length: 5_000 }, (_, j) => ({ articleId: article.id, visitorId: `seed-${i + j}`, rating: ["happy", "normal", "sad"][j % 3]! })),
    });
  }
  return article.id;
}

/** Votes one after another until stopped; each id is kept once the database has acknowledged it. */
function voteLoad(db: PrismaDatabase, articleId: string) {
  const acknowledged: string[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const row = await db.feedback.create({ data: { articleId, visitorId: randomUUID(), rating: "happy" }, select: { visitorId: true } });
      acknowledged.push(row.visitorId);
      // As requests arriving over the network would: SQLite answers synchronously, and a loop of
      // nothing but resolved promises would starve every timer and the backup's worker thread.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    acknowledged,
    async stop() {
      running = false;
      await done;
    },
  };
}

describe.each(providers.filter((p) => p.available))("backups on $name", ({ name }) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(name), createTestDatabase(name)]);
    dir = mkdtempSync(path.join(tmpdir(), "helpdesk-backup-"));
  });
  afterAll(async () => {
    await Promise.all([source.dispose(), target.dispose()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("a backup taken while votes arrive restores whole, with exactly the votes of its moment", { timeout: 120_000 }, async () => {
    const articleId = await seed(source.db);
    const load = voteLoad(source.db, articleId);
    while (load.acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    const before = new Set(load.acknowledged);
    const file = path.join(dir, name === "sqlite" ? "live.db" : "live.dump");
    const progress: number[] = [];
    const summary =
      name === "sqlite"
        ? await backupSqlite(source.url.replace(/^file:/, ""), file, (done, total) => progress.push(done / total))
        : await backupPostgres(source.url, file, (done, total) => progress.push(done / total));
    const duringOrBefore = new Set(load.acknowledged);
    await load.stop();
    expect(load.acknowledged.length).toBeGreaterThan(before.size); // votes kept arriving meanwhile
    expect(progress.at(-1)).toBe(1);

    const restored = name === "sqlite" ? await restoreSqlite(file, target.url.replace(/^file:/, "")) : await restorePostgres(target.url, file);
    expect(restored.counts).toEqual(summary.counts);
    if (name === "sqlite") expect(checkSqliteFile(target.url.replace(/^file:/, "")).problem).toBeNull();

    // Every vote acknowledged before the backup began is in it; every vote in it had been sent.
    const visitors = (await target.db.feedback.findMany({ select: { visitorId: true } })).map((row) => row.visitorId).filter((id) => !id.startsWith("seed-"));
    for (const id of before) expect(visitors).toContain(id);
    for (const id of visitors) expect(duringOrBefore.has(id) || load.acknowledged.includes(id)).toBe(true);
    expect(summary.counts.Feedback).toBe(SEEDED_VOTES + visitors.length);
    expect(await target.db.feedback.count()).toBe(summary.counts.Feedback);
  });

  it.runIf(name === "postgresql")("refuses a file that is not a pg_dump backup, changing nothing", async () => {
    const before = await target.db.feedback.count();
    const text = path.join(dir, "notes.dump");
    writeFileSync(text, "not a dump");
    await expect(restorePostgres(target.url, text)).rejects.toThrow(
      /is not a backup made by npm run db:backup \(pg_dump's custom format\)\. Nothing was changed\./,
    );
    const sqlite = path.join(dir, "other.db");
    new Database(sqlite).exec("CREATE TABLE notes (text TEXT)");
    await expect(restorePostgres(target.url, sqlite)).rejects.toThrow(/is a SQLite backup, but DATABASE_URL names a PostgreSQL database/);
    expect(await target.db.feedback.count()).toBe(before);
  });
});

describe("npm run db:backup and db:restore on bad input", () => {
  let t: TestDatabase;
  let dir: string;
  const run = async (script: "db-backup" | "db-restore", args: string[], databaseUrl: string) => {
    try {
      const { stdout, stderr } = await promisify(execFile)("npx", ["tsx", `scripts/${script}.ts`, ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl },
      });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  };
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await t.db.category.create({ data: { slug: "email", name: "Email", description: "Mail" } });
    dir = mkdtempSync(path.join(tmpdir(), "helpdesk-backup-cli-"));
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("backs up, refuses to overwrite a backup, and rejects unknown flags", { timeout: 60_000 }, async () => {
    const file = path.join(dir, "one.db");
    const made = await run("db-backup", ["--out", file], t.url);
    expect(made).toMatchObject({ code: 0, output: expect.stringMatching(/Backup written to .*one\.db.*checked\.[\s\S]*1 category,/) });
    expect(made.output).toMatch(/Copied: 100%/);
    expect(await run("db-backup", ["--out", file], t.url)).toMatchObject({
      code: 1,
      output: expect.stringContaining("already exists. Backups are never overwritten"),
    });
    expect(await run("db-backup", ["--outfile", path.join(dir, "two.db")], t.url)).toMatchObject({
      code: 2,
      output: expect.stringContaining("Usage: npm run db:backup"),
    });
    expect(existsSync(path.join(dir, "two.db"))).toBe(false);
  });

  it("refuses to restore over a database holding data without --force, a missing file, and a file that is not a backup", { timeout: 60_000 }, async () => {
    const file = path.join(dir, "restore-me.db");
    expect((await run("db-backup", ["--out", file], t.url)).code).toBe(0);
    await t.db.category.create({ data: { slug: "domains", name: "Domains", description: "DNS" } });

    const refused = await run("db-restore", ["--from", file], t.url);
    expect(refused).toMatchObject({
      code: 1,
      output: expect.stringMatching(/holds 2 rows\. Restoring would replace them all, so nothing was changed\.[\s\S]*--force/),
    });
    expect(await t.db.category.count()).toBe(2);

    expect(await run("db-restore", ["--from", path.join(dir, "nowhere.db")], t.url)).toMatchObject({
      code: 1,
      output: expect.stringContaining("There is no file at"),
    });
    const text = path.join(dir, "notes.txt");
    writeFileSync(text, "not a database");
    expect(await run("db-restore", ["--from", text, "--force"], t.url)).toMatchObject({
      code: 1,
      output: expect.stringContaining("is not a SQLite database. Nothing was changed."),
    });
    const foreign = path.join(dir, "foreign.db");
    new Database(foreign).exec("CREATE TABLE notes (text TEXT)");
    expect(await run("db-restore", ["--from", foreign, "--force"], t.url)).toMatchObject({ code: 1, output: expect.stringContaining("not a help center's") });
    expect(await run("db-restore", [], t.url)).toMatchObject({ code: 1, output: expect.stringContaining("Name the backup to restore with --from") });
    expect(await t.db.category.count()).toBe(2);

    const forced = await run("db-restore", ["--from", file, "--force"], t.url);
    expect(forced).toMatchObject({ code: 0, output: expect.stringMatching(/Replacing .* which holds 2 rows \(--force\)/) });
    expect(forced.output).toMatch(/Restored in [\d.]+ s, checked: .*1 category,/);
    expect(await t.db.category.findMany({ select: { slug: true } })).toEqual([{ slug: "email" }]);
  });
});
