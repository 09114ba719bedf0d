// A fresh database built by the real migrations, for tests that check what is stored: a SQLite
// file, or — when TEST_POSTGRES_URL names a server the tests may create databases on — a new
// PostgreSQL database, dropped afterwards.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@/lib/db-client";

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
    const name = `helpdesk_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const target = new URL(TEST_POSTGRES_URL!);
    target.pathname = `/${name}`;
    url = target.toString();
    cleanUp = async () => {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "helpdesk-test-"));
    url = `file:${path.join(dir, "test.db")}`;
    cleanUp = async () => rmSync(dir, { recursive: true, force: true });
  }
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
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
