// Admins manage staff accounts; everyone changes their own password. Disabling an account or
// changing a password ends the sessions it should, at once.
import { randomInt, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type { Database } from "../../lib/db-client";
import { USERS_PAGE_SIZE } from "../../lib/staff/users";
import { expect, signIn, STAFF_PASSWORD, test } from "./staff-fixtures";
import { expectAccessible } from "./page-checks";

const ownAddress = () => `198.51.100.${randomInt(1, 255)}`;

/**
 * Opens the page of the account list that holds `name`. Accounts are listed by name, 50 to a page
 * (lib/staff/users.ts), and the suite's database holds every test's accounts.
 */
async function openUsersPageOf(page: Page, db: Database, name: string) {
  const ahead = await db.staffUser.count({ where: { name: { lt: name } } });
  const number = Math.floor(ahead / USERS_PAGE_SIZE) + 1;
  await page.goto(`/staff/users${number > 1 ? `?page=${number}` : ""}`);
}

test.describe("Staff accounts", () => {
  test("an admin creates an editor who signs in, then disables them and their open session ends", async ({ adminPage, browser, baseURL, db }) => {
    const name = `Edna ${randomUUID().slice(0, 6)}`;
    const email = `edna-${randomUUID().slice(0, 8)}@staff.test`;
    await adminPage.goto("/staff/users");
    await adminPage.getByLabel("Name", { exact: true }).fill(name);
    await adminPage.getByLabel("E-mail address").fill(email);
    await adminPage.getByLabel("Role", { exact: true }).selectOption("editor");
    await adminPage.getByLabel("Initial password", { exact: true }).fill(STAFF_PASSWORD);
    await adminPage.getByRole("button", { name: "Create account" }).click();
    await expect(adminPage.getByRole("status").filter({ hasText: `Created an account for ${name}` })).toBeVisible();
    await openUsersPageOf(adminPage, db, name);
    const row = adminPage.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("Editor");
    await expect(row).toContainText("Never");

    const context = await browser.newContext({ baseURL: baseURL! });
    const editorPage = await context.newPage();
    await signIn(editorPage, { id: "", email, name, role: "editor", password: STAFF_PASSWORD });
    await expect(editorPage.getByRole("link", { name: `Your account: ${name} · editor` })).toBeVisible();

    await openUsersPageOf(adminPage, db, name);
    await expect(row.getByRole("cell").nth(3)).toHaveText("1");
    await row.getByRole("button", { name: `Disable ${name}` }).click();
    await expect(adminPage.getByRole("status").filter({ hasText: `${name} is disabled and signed out everywhere.` })).toBeVisible();
    await openUsersPageOf(adminPage, db, name);
    await expect(row).toContainText("Disabled");
    const user = await db.staffUser.findUniqueOrThrow({ where: { email } });
    expect(user.disabledAt).not.toBeNull();
    expect(await db.staffSession.count({ where: { userId: user.id } })).toBe(0);

    await editorPage.reload();
    await expect(editorPage).toHaveURL(/\/staff\/sign-in/);
    await editorPage.setExtraHTTPHeaders({ "x-forwarded-for": ownAddress() });
    await editorPage.getByLabel("E-mail address").fill(email);
    await editorPage.getByLabel("Password").fill(STAFF_PASSWORD);
    await editorPage.getByRole("button", { name: "Sign in" }).click();
    await expect(editorPage.getByRole("main").getByRole("alert")).toContainText("do not match an active staff account");
    await context.close();
  });

  test("shows problems beside the fields and creates nothing", async ({ adminPage, editor, db }) => {
    await adminPage.goto("/staff/users");
    const stored = await db.staffUser.findUniqueOrThrow({ where: { id: editor.id } });
    await adminPage.getByLabel("Name", { exact: true }).fill("Second Copy");
    await adminPage.getByLabel("E-mail address").fill(editor.email);
    await adminPage.getByLabel("Initial password", { exact: true }).fill("too short");
    await adminPage.getByRole("button", { name: "Create account" }).click();
    await expect(adminPage.getByLabel("Initial password", { exact: true })).toHaveAccessibleDescription(/Use at least 12 characters\./);

    await adminPage.getByLabel("Initial password", { exact: true }).fill("long enough password");
    await adminPage.getByRole("button", { name: "Show initial password" }).click();
    await expect(adminPage.getByLabel("Initial password", { exact: true })).toHaveAttribute("type", "text");
    await adminPage.getByRole("button", { name: "Create account" }).click();
    await expect(adminPage.getByLabel("E-mail address")).toHaveAccessibleDescription("already has an account");
    await expect(adminPage.getByLabel("E-mail address")).toHaveAttribute("aria-invalid", "true");
    expect(await db.staffUser.count({ where: { name: "Second Copy" } })).toBe(0);
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: editor.id } })).toEqual(stored);
    await expectAccessible(adminPage, "staff-users");
  });

  test("an admin changes a role and resets a password, which signs that person out", async ({ adminPage, editor, editorPage, db }) => {
    await openUsersPageOf(adminPage, db, editor.name);
    const row = adminPage.getByRole("row").filter({ hasText: editor.email });
    await row.getByLabel(`Role of ${editor.name}`).selectOption("admin");
    await row.getByRole("button", { name: `Change role of ${editor.name}` }).click();
    await expect(row.getByRole("status")).toHaveText(`${editor.name} is now an admin.`);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("admin");

    await row.getByRole("button", { name: `Reset password of ${editor.name}` }).click();
    await row.getByLabel(`New password for ${editor.name}`, { exact: true }).fill("a fresh long passphrase");
    await row.getByRole("button", { name: "Set password", exact: true }).click();
    await expect(row.getByRole("status")).toContainText("their sessions have ended");
    await editorPage.reload();
    await expect(editorPage).toHaveURL(/\/staff\/sign-in/);
  });

  test("an admin cannot demote or disable themselves", async ({ adminPage, admin, db }) => {
    await openUsersPageOf(adminPage, db, admin.name);
    const row = adminPage.getByRole("row").filter({ hasText: admin.email });
    await expect(row.getByRole("button", { name: `Disable ${admin.name}` })).toBeDisabled();
    await expect(row.getByLabel(`Role of ${admin.name}`)).toBeDisabled();
  });

  test("an editor opening the users page gets the 403 page", async ({ editorPage }) => {
    const response = await editorPage.goto("/staff/users");
    expect(response?.status()).toBe(403);
    await expect(editorPage.getByRole("heading", { name: "This page is for admins" })).toBeVisible();
    await expect(editorPage.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  });
});

test.describe("Your account", () => {
  test("changing your password keeps this session and ends the others", async ({ editorPage, editor, browser, baseURL, db }) => {
    const context = await browser.newContext({ baseURL: baseURL! });
    const elsewhere = await context.newPage();
    await signIn(elsewhere, editor);
    expect(await db.staffSession.count({ where: { userId: editor.id } })).toBe(2);

    await editorPage.goto("/staff/account");
    await expect(editorPage.getByText(editor.email)).toBeVisible();
    await expectAccessible(editorPage, "staff-account");
    await editorPage.setViewportSize({ width: 1280, height: 900 });

    await editorPage.setExtraHTTPHeaders({ "x-forwarded-for": ownAddress() });
    await editorPage.getByLabel("Current password", { exact: true }).fill("not my password at all");
    await editorPage.getByLabel("New password", { exact: true }).fill("a new long passphrase");
    await editorPage.getByLabel("New password, again", { exact: true }).fill("a new long passphrase");
    await editorPage.getByRole("button", { name: "Change password" }).click();
    await expect(editorPage.getByLabel("Current password", { exact: true })).toHaveAccessibleDescription("This is not your current password.");
    expect(await db.staffSession.count({ where: { userId: editor.id } })).toBe(2);

    await editorPage.getByLabel("Current password", { exact: true }).fill(editor.password);
    await editorPage.getByLabel("New password", { exact: true }).fill("a new long passphrase");
    await editorPage.getByLabel("New password, again", { exact: true }).fill("a new long passphrase");
    await editorPage.getByRole("button", { name: "Change password" }).click();
    await expect(editorPage.getByRole("status").filter({ hasText: "Your password is changed. 1 other session was signed out." })).toBeVisible();

    await elsewhere.reload();
    await expect(elsewhere).toHaveURL(/\/staff\/sign-in/);
    await editorPage.reload();
    await expect(editorPage.getByRole("heading", { name: "Your account" })).toBeVisible();
    expect(await db.staffSession.count({ where: { userId: editor.id } })).toBe(1);
    await context.close();
  });
});
