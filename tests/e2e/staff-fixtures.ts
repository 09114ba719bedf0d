// Staff accounts for end-to-end tests: created straight in the suite's database (as
// `npm run staff:create` would), each test with its own, so tests never share a session.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import type { Role } from "../../lib/auth/roles";
import type { Database } from "../../lib/db-client";
import { createStaffUser } from "../../lib/staff/users";
import { test as base, expect } from "./fixtures";

export const STAFF_PASSWORD = "correct horse battery staple";
/** The server runs in production mode, where the cookie is Secure and __Host- prefixed. */
export const SESSION_COOKIE = "__Host-hc_staff";

export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

export async function createStaffAccount(db: Database, role: Role = "editor", name?: string): Promise<StaffAccount> {
  const email = `${role}-${randomUUID().slice(0, 8)}@staff.test`;
  const displayName = name ?? `${role === "admin" ? "Admin" : "Editor"} ${email.slice(role.length + 1, role.length + 5)}`;
  const user = await createStaffUser(db, { email, name: displayName, role, password: STAFF_PASSWORD });
  return { id: user.id, email, name: displayName, role, password: STAFF_PASSWORD };
}

/** Signs a page in through the sign-in form, as a person would. */
export async function signIn(page: Page, account: StaffAccount) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("E-mail address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The staff navigation, or on a phone the Menu button that opens it.
  await expect(page.getByRole("navigation", { name: "Staff" }).or(page.getByRole("button", { name: /^Menu\b/ }))).toBeVisible();
}

type StaffFixtures = {
  /** A page signed in as a fresh editor. */
  editorPage: Page;
  editor: StaffAccount;
  /** A page signed in as a fresh admin. */
  adminPage: Page;
  admin: StaffAccount;
};

async function signedInPage(browser: Browser, account: StaffAccount, baseURL: string, provide: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, account);
  await provide(page);
  await context.close();
}

export const test = base.extend<StaffFixtures>({
  editor: async ({ db }, provide) => provide(await createStaffAccount(db, "editor")),
  admin: async ({ db }, provide) => provide(await createStaffAccount(db, "admin")),
  editorPage: async ({ browser, editor, baseURL }, provide) => signedInPage(browser, editor, baseURL!, provide),
  adminPage: async ({ browser, admin, baseURL }, provide) => signedInPage(browser, admin, baseURL!, provide),
});

export { expect };

/**
 * A published article with one revision, written with single statements: an interactive
 * transaction from this process could meet the server's writes on the same SQLite file and fail
 * with "database is locked", where single writes wait for the busy timeout.
 */
export async function seedPublishedArticle(
  db: Database,
  author: StaffAccount,
  {
    slug,
    title,
    description = "An article the staff tests create and change as they need.",
    tags = ["testing"],
    related = [],
    audience = "public",
    body,
  }: { slug: string; title: string; description?: string; tags?: string[]; related?: string[]; audience?: "public" | "internal"; body: string },
) {
  const fields = { title, description, categorySlug: "email", tags: JSON.stringify(tags), related: JSON.stringify(related), audience };
  const article = await db.article.create({ data: { slug, ...fields, status: "published", contentUpdatedAt: new Date() }, select: { id: true } });
  const revision = await db.articleRevision.create({
    data: { articleId: article.id, ...fields, body: body.trim(), contentHash: randomUUID(), author: author.name, authorId: author.id },
    select: { id: true },
  });
  await db.article.update({ where: { id: article.id }, data: { publishedRevisionId: revision.id, publishedAt: new Date() } });
  return { id: article.id, slug, revisionId: revision.id };
}
