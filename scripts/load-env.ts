// Command-line jobs read .env the way Next.js does, without a dependency.
import { existsSync } from "node:fs";
import { defaultDatabaseUrl } from "../lib/database-url";

if (existsSync(".env")) process.loadEnvFile(".env");
process.env.DATABASE_URL ??= defaultDatabaseUrl;

export const databaseUrl = process.env.DATABASE_URL;
