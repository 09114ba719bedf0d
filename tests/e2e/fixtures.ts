// Shared fixtures: a Prisma client on the suite's database, to check what was stored, and a client
// address of each test's own.
import { createHash } from "node:crypto";
import { test as base, expect } from "@playwright/test";
import { issueFormToken } from "../../lib/contact/form-token";
import { createPrismaClient } from "../../lib/db-client";
import type { Database } from "../../lib/db-client";
import { E2E_DATABASE_URL } from "./constants";

/**
 * The address a test's requests come from. The suite's server trusts X-Forwarded-For from loopback
 * (TRUST_PROXY=loopback, as behind a proxy), so every test is a client of its own: limits per
 * client (sign-in throttling, votes, contact messages) never carry over from one test to another.
 */
function testClientAddress(testId: string): string {
  const [a, b] = createHash("sha256").update(testId).digest();
  return `198.18.${a}.${b === 0 ? 1 : b}`;
}

export const test = base.extend<object, { db: Database }>({
  extraHTTPHeaders: async ({}, provide, testInfo) => {
    await provide({ "x-forwarded-for": testClientAddress(testInfo.testId) });
  },
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

/**
 * The token the contact page gives its form, as if the page had been open for a minute: posts to
 * /api/contact need one (lib/contact/form-token.ts), and a fresh one is refused as too fast.
 */
export function contactFormToken(db: Database) {
  return issueFormToken({ db }, Date.now() - 60_000);
}
