// The one PrismaClient of the server. Next.js reloads modules in development, so the client is
// kept on globalThis to avoid opening a new connection on every edit:
// https://www.prisma.io/docs/orm/more/help-and-troubleshooting/nextjs-help
import "server-only";
import { createPrismaClient, type Database } from "./db-client";
import { env } from "./env";

const globalForPrisma = globalThis as unknown as { prisma?: Database };

export const db = globalForPrisma.prisma ?? createPrismaClient(env.DATABASE_URL);

if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
