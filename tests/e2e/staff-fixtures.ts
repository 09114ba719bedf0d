// Staff accounts for end-to-end tests: created straight in the suite's database (as
// `npm run staff:create` would), each test with its own, so tests never share a session.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import type { Role } from "../../lib/auth/roles";
import type { Database } from "../../lib/db-client";
import { createStaffUser } from "../../lib/staff/users";
import { test as base, expect } from "./fixtures";

export const STAFF_PASSWORD = "correct horse battery staple";
/** `next start` runs in production mode, where the cookie is Secure and __Host- prefixed. */
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
  await expect(page.getByRole("navigation", { name: "Staff" })).toBeVisible();
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
