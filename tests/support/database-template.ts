// Vitest global setup: the migrations run once per provider, into a template, instead of once per
// test file (`prisma migrate deploy` takes ~5 s here). tests/support/database.ts then copies the
// SQLite file, or creates a PostgreSQL database from the template, for each test file.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated SQLite file to copy. */
    sqliteTemplate: string;
    /** A migrated PostgreSQL database to use as `CREATE DATABASE … TEMPLATE`, or "" without TEST_POSTGRES_URL. */
    postgresTemplate: string;
  }
}

export async function migrate(url: string) {
  await promisify(execFile)("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url } });
}

export function postgresUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function runOnPostgres(server: string, sql: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "helpdesk-template-"));
  const sqliteFile = path.join(dir, "template.db");
  const postgresServer = process.env.TEST_POSTGRES_URL;
  const postgresName = postgresServer ? `helpdesk_template_${randomUUID().replaceAll("-", "").slice(0, 12)}` : "";

  const sqlite = (async () => {
    await migrate(`file:${sqliteFile}`);
    // Everything in the main file, so a plain copy is the whole database.
    const db = new Database(sqliteFile);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
  })();
  const postgres = (async () => {
    if (!postgresServer) return;
    await runOnPostgres(postgresServer, `CREATE DATABASE "${postgresName}"`);
    await migrate(postgresUrl(postgresServer, postgresName));
  })();
  await Promise.all([sqlite, postgres]);
  if (existsSync(`${sqliteFile}-wal`)) throw new Error(`The SQLite template kept a WAL file: ${sqliteFile}-wal`);

  project.provide("sqliteTemplate", sqliteFile);
  project.provide("postgresTemplate", postgresName);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (postgresServer) await runOnPostgres(postgresServer, `DROP DATABASE IF EXISTS "${postgresName}" WITH (FORCE)`);
  };
}
