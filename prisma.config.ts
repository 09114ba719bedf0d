// Prisma CLI configuration: one schema folder per provider, chosen from DATABASE_URL, and the
// JavaScript schema engine driven through a driver adapter (no engine binaries to download).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseProvider, defaultDatabaseUrl } from "./lib/database-url";
import { loadEnvFiles } from "./lib/env-files";

// The same .env files as the server and the scripts (lib/env-files.ts); with this file present the
// Prisma CLI reads none of its own.
loadEnvFiles();
process.env.DATABASE_URL ??= defaultDatabaseUrl;
const url = process.env.DATABASE_URL;
const provider = databaseProvider(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider, "schema.prisma"),
  migrations: { path: path.join("prisma", provider, "migrations") },
  async adapter() {
    // The migration adapter: the app's, plus the shims only migrations need (lib/db-adapter.ts).
    const { createMigrationAdapterFactory } = await import("./lib/db-adapter");
    return createMigrationAdapterFactory(url);
  },
});
