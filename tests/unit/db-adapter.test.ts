// The database adapters' shims (lib/db-adapter.ts): what each one fixes, where it applies (the app
// at run time, or only the Prisma CLI's migrations), and for each an "upstream still needs shim N"
// check against the stock adapter. When one of those fails after an upgrade, upstream has fixed
// the bug: remove the shim and its check, as the shim's upgrade checklist says.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlQueryable } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapterFactory, createMigrationAdapterFactory } from "@/lib/db-adapter";
import type { Database as PrismaDatabase } from "@/lib/db-client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from "../support/database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const statement = (sql: string) => ({ sql, args: [], argTypes: [] });
const firstColumn = async (adapter: SqlQueryable, sql: string) => (await adapter.queryRaw(statement(sql))).rows.map((row) => row[0]);

/** `prisma migrate diff` from the migrations (replayed into `migrate dev`'s shadow database) to the schema. */
async function diffMigrationsAgainstSchema(provider: "sqlite" | "postgresql", url: string) {
  const args = [
    "prisma",
    "migrate",
    "diff",
    "--from-migrations",
    `prisma/${provider}/migrations`,
    "--to-schema-datamodel",
    `prisma/${provider}/schema.prisma`,
    "--exit-code",
  ];
  // Exit code 0: no difference; 2: a difference; 1: an error (a shadow database that failed).
  const { stdout } = await promisify(execFile)("npx", args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } });
  return stdout;
}

const migrationCount = (provider: "sqlite" | "postgresql") =>
  readdirSync(path.join(ROOT, "prisma", provider, "migrations")).filter((name) => /^\d+_/.test(name)).length;

describe("SQLite", { timeout: 120_000 }, () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    dir = mkdtempSync(path.join(tmpdir(), "helpdesk-adapter-"));
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const category = (slug: string) => ({ slug, name: slug, description: "A category the adapter tests write.", position: 0 });

  /** A write from outside an interactive transaction, issued while the transaction is open and then rolled back. */
  async function writeDuringRollback(db: PrismaDatabase, prefix: string) {
    let outside: Promise<unknown> | undefined;
    await db
      .$transaction(async (tx) => {
        await tx.category.create({ data: category(`${prefix}-inside`) });
        // Prisma's queries are lazy: `then` sends this one now, while the transaction is open.
        outside = db.category.create({ data: category(`${prefix}-outside`) }).then((row) => row);
        await sleep(100);
        throw new Error("rolled back on purpose");
      })
      .catch(() => undefined);
    await outside;
    return (await db.category.findMany({ where: { slug: { startsWith: prefix } }, select: { slug: true } })).map((row) => row.slug);
  }

  it("shim 1: a write from outside an open transaction waits for it, and survives its rollback", async () => {
    expect(await writeDuringRollback(t.db, "shim1-ours")).toEqual(["shim1-ours-outside"]);
  });

  it("upstream still needs shim 1: the stock adapter runs that write inside the transaction, and loses it", async () => {
    const stock = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: t.url }) });
    try {
      expect(await writeDuringRollback(stock, "shim1-stock")).toEqual([]);
    } finally {
      await stock.$disconnect();
    }
  });

  it("upstream still needs shim 5: the stock adapter begins transactions deferred, so one that has read cannot write after another connection's commit", async () => {
    // Shim 5 itself is proven by tests/unit/sqlite-transactions.test.ts, across two processes.
    const url = `file:${path.join(dir, "deferred.db")}`;
    const other = await new PrismaBetterSQLite3({ url, timeout: 0 }).connect();
    const adapter = await new PrismaBetterSQLite3({ url, timeout: 0 }).connect();
    try {
      await other.executeScript("PRAGMA journal_mode = WAL; CREATE TABLE counter (value INTEGER); INSERT INTO counter VALUES (0);");
      const tx = await adapter.startTransaction();
      expect((await firstColumn(tx, "SELECT value FROM counter")).map(Number)).toEqual([0]);
      // Under BEGIN IMMEDIATE this commit would be refused instead, and this check would fail.
      await other.executeRaw(statement("UPDATE counter SET value = 1"));
      await expect(tx.executeRaw(statement("UPDATE counter SET value = value + 1"))).rejects.toThrow();
      await tx.executeRaw(statement("ROLLBACK"));
      await tx.rollback();
    } finally {
      await adapter.dispose();
      await other.dispose();
    }
  });

  it("shim 2: the migrations' shadow database takes a whole migration script; the app's adapter does not", async () => {
    const script = statement('CREATE TABLE "First" ("id" INTEGER); CREATE TABLE "Second" ("id" INTEGER);');
    const shadow = await createMigrationAdapterFactory(`file:${path.join(dir, "main.db")}`).connectToShadowDb();
    try {
      await shadow.executeRaw(script);
      expect(await firstColumn(shadow, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).toEqual(["First", "Second"]);
    } finally {
      await shadow.dispose();
    }
    const app = await createAdapterFactory(`file:${path.join(dir, "app.db")}`).connect();
    try {
      await expect(app.executeRaw(script)).rejects.toThrow(/more than one statement/);
    } finally {
      await app.dispose();
    }
  });

  it("upstream still needs shim 2: the stock adapter's shadow database refuses a migration script", async () => {
    const shadow = await new PrismaBetterSQLite3({ url: `file:${path.join(dir, "stock.db")}` }).connectToShadowDb();
    try {
      await expect(shadow.executeRaw(statement('CREATE TABLE "First" ("id" INTEGER); CREATE TABLE "Second" ("id" INTEGER);'))).rejects.toThrow(
        /more than one statement/,
      );
    } finally {
      await shadow.dispose();
    }
  });

  it("migrate diff from the migrations: they replay in the shadow database and match the schema", async () => {
    expect(await diffMigrationsAgainstSchema("sqlite", `file:${path.join(dir, "diff.db")}`)).toContain("No difference detected");
  });
});

describe.runIf(TEST_POSTGRES_URL)("PostgreSQL", { timeout: 120_000 }, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    // Built by `prisma migrate deploy` through prisma.config.ts, that is, the migration adapter.
    t = await createTestDatabase("postgresql");
  });
  afterAll(() => t.dispose());

  const databaseName = () => new URL(t.url).pathname.slice(1);
  const CATALOGUE = { name: "SELECT nspname FROM pg_namespace WHERE nspname = 'public'", char: "SELECT typtype FROM pg_type WHERE typname = 'int4'" };

  it("a fresh database gets every migration from migrate deploy, and the app reads it through the stock adapter", async () => {
    expect(createAdapterFactory(t.url)).toBeInstanceOf(PrismaPg);
    const applied = await t.db.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
      'SELECT migration_name, finished_at FROM "_prisma_migrations"',
    );
    expect(applied).toHaveLength(migrationCount("postgresql"));
    expect(applied.every((row) => row.finished_at !== null)).toBe(true);
    expect(await t.db.category.count()).toBe(0);
  });

  it('shim 3: the migration adapter reads the catalogue\'s name and "char" columns as text', async () => {
    const adapter = await createMigrationAdapterFactory(t.url).connect();
    try {
      expect(await firstColumn(adapter, CATALOGUE.name)).toEqual(["public"]);
      expect(await firstColumn(adapter, CATALOGUE.char)).toEqual(["b"]);
    } finally {
      await adapter.dispose();
    }
  });

  it('upstream still needs shim 3 (prisma/orm#27403): the stock adapter cannot read name or "char" columns', async () => {
    const adapter = await new PrismaPg({ connectionString: t.url }).connect();
    try {
      await expect(adapter.queryRaw(statement(CATALOGUE.name))).rejects.toMatchObject({ cause: { kind: "UnsupportedNativeDataType", type: "name" } });
      await expect(adapter.queryRaw(statement(CATALOGUE.char))).rejects.toMatchObject({ cause: { kind: "UnsupportedNativeDataType", type: "char" } });
    } finally {
      await adapter.dispose();
    }
  });

  it("shim 4: the shadow database is a new database of its own, takes a migration script, and is dropped afterwards", async () => {
    const shadow = await createMigrationAdapterFactory(t.url).connectToShadowDb();
    const [name] = (await firstColumn(shadow, "SELECT current_database()")) as string[];
    try {
      expect(name).toMatch(/^prisma_shadow_[0-9a-f]{32}$/);
      await shadow.executeScript('CREATE TABLE "First" ("id" INTEGER); CREATE TABLE "Second" ("id" INTEGER);');
      expect(await firstColumn(shadow, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).toEqual(["First", "Second"]);
    } finally {
      await shadow.dispose();
    }
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      expect((await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });

  it("upstream still needs shim 4: the stock adapter's shadow database is the main database", async () => {
    const shadow = await new PrismaPg({ connectionString: t.url }).connectToShadowDb();
    try {
      expect(await firstColumn(shadow, "SELECT current_database()::text")).toEqual([databaseName()]);
    } finally {
      await shadow.dispose();
    }
  });

  // A function body with semicolons in it, and a semicolon in a comment: both whole statements.
  const FUNCTION_SCRIPT = `-- one; two
CREATE FUNCTION "shim_seven"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer := 6;
BEGIN
  n := n + 1;
  RETURN n;
END;
$$;
CREATE TABLE "AfterTheFunction" ("id" INTEGER);`;

  it("shim 7: the migration adapter runs a script with a PL/pgSQL function as PostgreSQL reads it, and a failing script leaves nothing behind", async () => {
    const adapter = await createMigrationAdapterFactory(t.url).connect();
    try {
      await adapter.executeScript(FUNCTION_SCRIPT);
      expect(await firstColumn(adapter, 'SELECT "shim_seven"()')).toEqual([7]);
      expect(await firstColumn(adapter, "SELECT tablename::text FROM pg_tables WHERE tablename = 'AfterTheFunction'")).toEqual(["AfterTheFunction"]);
      await expect(adapter.executeScript('CREATE TABLE "HalfDone" ("id" INTEGER); SELECT * FROM "NoSuchTable";')).rejects.toMatchObject({
        cause: { kind: "TableDoesNotExist" },
      });
      expect(await firstColumn(adapter, "SELECT tablename::text FROM pg_tables WHERE tablename = 'HalfDone'")).toEqual([]);
    } finally {
      await adapter.dispose();
    }
  });

  it("upstream still needs shim 7: the stock adapter cuts a function body at its first semicolon", async () => {
    const adapter = await new PrismaPg({ connectionString: t.url }).connect();
    try {
      await expect(adapter.executeScript(FUNCTION_SCRIPT.replace("-- one; two\n", "").replaceAll("shim_seven", "stock_seven"))).rejects.toThrow(
        /unterminated dollar-quoted string/,
      );
    } finally {
      await adapter.dispose();
    }
  });

  it("migrate diff from the migrations: they replay in the shadow database and match the schema", async () => {
    expect(await diffMigrationsAgainstSchema("postgresql", t.url)).toContain("No difference detected");
  });
});
