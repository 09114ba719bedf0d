// A PrismaClient for command-line jobs and tests, which run outside Next.js. The server uses the
// singleton in lib/db.ts; both are built the same way.
import { createAdapterFactory } from "./db-adapter";
import { PrismaClient } from "./generated/prisma/client";

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: createAdapterFactory(databaseUrl) });
}
