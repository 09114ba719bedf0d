// A fresh database built by the real migrations, for tests that check what is stored: a SQLite
// file, or — when TEST_POSTGRES_URL names a server the tests may create databases on — a new
// PostgreSQL database, dropped afterwards. The migrations run once per provider, into a template
// (tests/support/database-template.ts, Vitest's global setup); each database is a copy of it.
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { migrate, postgresUrl, runOnPostgres } from "./database-template";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL;

export const providers = [
  { name: "sqlite", available: true },
  { name: "postgresql", available: Boolean(TEST_POSTGRES_URL) },
] as const;

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

export async function createTestDatabase(provider: "sqlite" | "postgresql" = "sqlite") {
  let url: string;
  let cleanUp: () => Promise<void>;
  if (provider === "postgresql") {
    if (!TEST_POSTGRES_URL) throw new Error("Set TEST_POSTGRES_URL to run the PostgreSQL tests.");
    const name = `helpdesk_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const template = inject("postgresTemplate");
    await runOnPostgres(TEST_POSTGRES_URL, `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    url = postgresUrl(TEST_POSTGRES_URL, name);
    if (!template) await migrate(url);
    cleanUp = () => runOnPostgres(TEST_POSTGRES_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "helpdesk-test-"));
    const file = path.join(dir, "test.db");
    const template = inject("sqliteTemplate");
    url = `file:${file}`;
    if (template) copyFileSync(template, file);
    else await migrate(url);
    cleanUp = async () => rmSync(dir, { recursive: true, force: true });
  }
  const db = createPrismaClient(url);
  return {
    db,
    url,
    async dispose() {
      await db.$disconnect();
      await cleanUp();
    },
  };
}
