// Creates a PrismaClient for a DATABASE_URL. Both providers' clients are generated (see the
// postinstall script) so one build can run, and be tested, on SQLite and on PostgreSQL. The
// models are identical (tests/unit/prisma-schemas.test.ts), so one type describes both.
import { databaseProvider } from "./database-url";
import { createAdapterFactory } from "./db-adapter";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

export type Database = SqliteClient;

export function createPrismaClient(databaseUrl: string): Database {
  const adapter = createAdapterFactory(databaseUrl);
  if (databaseProvider(databaseUrl) === "postgresql") {
    return new PostgresClient({ adapter }) as unknown as Database;
  }
  return new SqliteClient({ adapter });
}
