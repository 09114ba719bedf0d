// Shared fixtures: a Prisma client on the suite's database, to check what was stored.
import { test as base, expect } from "@playwright/test";
import { createPrismaClient } from "../../lib/db-client";
import type { Database } from "../../lib/db-client";
import { E2E_DATABASE_URL } from "./constants";

export const test = base.extend<object, { db: Database }>({
  db: [
    async ({}, use) => {
      const db = createPrismaClient(E2E_DATABASE_URL);
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
});

export { expect };

export async function feedbackFor(db: Database, slug: string) {
  return db.feedback.findMany({ where: { article: { slug } }, select: { rating: true, comment: true, visitorId: true } });
}
