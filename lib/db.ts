// The one PrismaClient of the server, kept on globalThis: Next.js reloads modules in development
// (https://www.prisma.io/docs/orm/more/help-and-troubleshooting/nextjs-help), and in production
// instrumentation.ts and the routes are separate bundles, each with its own copy of this module;
// through globalThis they share one client and one connection pool.
import "server-only";
import { createPrismaClient, type Database } from "./db-client";
import { env } from "./env";

const globalForPrisma = globalThis as unknown as { prisma?: Database };

export const db = globalForPrisma.prisma ?? createPrismaClient(env.DATABASE_URL);

globalForPrisma.prisma = db;
