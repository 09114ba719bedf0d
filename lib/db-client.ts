// Creates a PrismaClient for a DATABASE_URL. Both providers' clients are generated (see the
// postinstall script) so one build can run, and be tested, on SQLite and on PostgreSQL. The
// models are identical (tests/unit/prisma-schemas.test.ts), so one type describes both.
import { databaseProvider, type DatabaseProvider } from "./database-url";
import { createAdapterFactory } from "./db-adapter";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

export type Database = SqliteClient;

// Kept on the client itself (a registered symbol), so it survives a dev server's module reloads.
const PROVIDER = Symbol.for("helpdesk.databaseProvider");

export function createPrismaClient(databaseUrl: string): Database {
  const adapter = createAdapterFactory(databaseUrl);
  const provider = databaseProvider(databaseUrl);
  const db = provider === "postgresql" ? (new PostgresClient({ adapter }) as unknown as Database) : new SqliteClient({ adapter });
  Object.defineProperty(db, PROVIDER, { value: provider });
  return db;
}

/** Which database a client talks to, for the few raw queries that must be written per dialect. */
export function providerOf(db: Database): DatabaseProvider {
  const provider = (db as unknown as Record<symbol, DatabaseProvider | undefined>)[PROVIDER];
  if (!provider) throw new Error("This database client was not made by createPrismaClient (lib/db-client.ts).");
  return provider;
}
