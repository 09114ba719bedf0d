// How domain code reaches the database: every lib function that reads or writes data is handed a
// context as its first argument, never importing the Prisma client itself. Customer-facing
// functions take a SiteContext; staff functions take a StaffContext (lib/auth/roles.ts), which adds
// the signed-in actor they authorize. Pages, route handlers and server actions get theirs here
// (staff ones through lib/auth/current.ts getStaffContext); tests build their own around a
// throwaway database (tests/support/database.ts).
import "server-only";
import { db } from "./db";
import type { Database } from "./db-client";

export interface SiteContext {
  db: Database;
}

/** The server's context for customer-facing reads and writes: its one database. */
export function siteContext(): SiteContext {
  return { db };
}
