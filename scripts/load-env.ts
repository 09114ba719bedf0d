// Command-line jobs read the .env files exactly as the server does (lib/env-files.ts).
import { defaultDatabaseUrl } from "../lib/database-url";
import { loadEnvFiles } from "../lib/env-files";

loadEnvFiles();
process.env.DATABASE_URL ??= defaultDatabaseUrl;

export const databaseUrl = process.env.DATABASE_URL;
