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

/** Each visitor's vote on an article, with every comment they sent, oldest first. */
export async function feedbackFor(db: Database, slug: string) {
  const rows = await db.feedback.findMany({
    where: { article: { slug } },
    select: { rating: true, visitorId: true, comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { body: true } } },
  });
  return rows.map(({ comments, ...vote }) => ({ ...vote, comments: comments.map((comment) => comment.body) }));
}
