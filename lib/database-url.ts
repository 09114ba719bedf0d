// Which database a DATABASE_URL names. Shared by prisma.config.ts, lib/db.ts and the scripts.

export const defaultDatabaseUrl = "file:./data/helpdesk.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${url.slice(0, 24)}…"`);
}
