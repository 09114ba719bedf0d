// Article history: staff see who changed what, compare two versions without JavaScript, and
// restore an old version, which customers then see and the history records as a new revision.
import { randomUUID } from "node:crypto";
import type { Database } from "../../lib/db-client";
import { expect, type StaffAccount, test } from "./staff-fixtures";
import { expectAccessible } from "./page-checks";

const oldBody = "Open **Settings** and choose **Forwarding**.\n\nType the address that should get a copy.\n";
const newBody = "Open **Mail settings** and choose **Forwarding**.\n\nType the address that should get a copy.\n\nPress **Save**.\n";

/**
 * Revision A by one editor on 3 Nov 2026, then B by another: customers see B. Written straight to
 * the database, as publishing would, in single writes that never wait on the server's transactions.
 */
async function seedHistory(db: Database, first: StaffAccount, second: StaffAccount) {
  const slug = `e2e-history-${randomUUID().slice(0, 8)}`;
  const fields = {
    description: "Send a copy of every message to another address, in three steps.",
    categorySlug: "email",
    tags: '["forwarding"]',
    related: "[]",
  };
  const article = await db.article.create({
    data: { slug, title: "Forward a mailbox to another address", ...fields, status: "published", contentUpdatedAt: new Date() },
    select: { id: true },
  });
  const revision = (author: StaffAccount, title: string, body: string, createdAt: Date) =>
    db.articleRevision.create({
      data: { articleId: article.id, ...fields, title, body: body.trim(), contentHash: randomUUID(), author: author.name, authorId: author.id, createdAt },
      select: { id: true },
    });
  const a = await revision(first, "Forward a mailbox", oldBody, new Date("2026-11-03T09:30:00Z"));
  const b = await revision(second, "Forward a mailbox to another address", newBody, new Date());
  await db.article.update({ where: { id: article.id }, data: { publishedRevisionId: b.id, publishedAt: new Date() } });
  return { id: article.id, slug, a: a.id, b: b.id };
}

test.describe("Article history", () => {
  test("lists who changed what and compares two versions, also without JavaScript @mobile", async ({
    browser,
    editor,
    admin,
    editorPage,
    db,
    baseURL,
    viewport,
    isMobile,
    hasTouch,
    userAgent,
    deviceScaleFactor,
  }) => {
    test.slow(); // two browser contexts and an axe run
    const article = await seedHistory(db, editor, admin);
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport, isMobile, hasTouch, userAgent, deviceScaleFactor });
    const page = await context.newPage();
    await page.goto("/staff/sign-in");
    await page.getByLabel("E-mail address").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.goto(`/staff/articles/${article.id}/history`);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("History: Forward a mailbox to another address");
    const rows = page.locator("tr[data-revision]");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(`by ${admin.name}`);
    await expect(rows.nth(0)).toContainText("Title");
    await expect(rows.nth(0)).toContainText("+3 −1 lines in the body");
    await expect(rows.nth(0)).toContainText("Customers see this");
    await expect(rows.nth(1)).toContainText("3 Nov 2026, 09:30 UTC");
    await expect(rows.nth(1)).toContainText(`by ${editor.name}`);
    await expect(rows.nth(1)).toContainText("First version");

    // The newest two are chosen already; compare them from oldest to newest.
    await page.getByRole("radio", { name: "From the version of 3 Nov 2026, 09:30 UTC" }).check();
    await page.getByRole("button", { name: "Compare the two chosen versions" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]from=${article.a}(&|#|$)`));
    await expect(page).toHaveURL(new RegExp(`[?&]to=${article.b}(&|#|$)`));
    const comparison = page.getByRole("region", { name: /From the version of 3 Nov 2026, 09:30 UTC to the version of/ });
    await expect(comparison).toContainText("1 field changed · 3 lines added, 1 removed in the body");
    await expect(comparison.getByRole("deletion")).toHaveText("− removed: Forward a mailbox");
    await expect(comparison.getByRole("insertion")).toHaveText("+ added: Forward a mailbox to another address");
    const body = comparison.getByRole("table", { name: "Body, line by line" });
    await expect(body.locator('tr[data-change="removed"]')).toHaveCount(1);
    await expect(body.locator('tr[data-change="removed"]')).toContainText("removedOpen **Settings** and choose **Forwarding**.");
    await expect(body.locator('tr[data-change="added"]')).toHaveCount(3);
    await expect(body.locator('tr[data-change="added"]').first()).toContainText("addedOpen **Mail settings** and choose **Forwarding**.");
    await expect(comparison).toContainText(`The address (/articles/${article.slug}) is not part of a revision`);
    const comparedUrl = page.url();
    await context.close();

    // axe needs JavaScript: check the same page in a normal browser.
    await editorPage.goto(comparedUrl);
    await expect(editorPage.getByRole("table", { name: "Body, line by line" })).toBeVisible();
    await expectAccessible(editorPage, "history-compare");
  });

  test("restores an old version: customers see it and the history records it", async ({ editorPage: page, editor, admin, db, browser, baseURL }) => {
    test.slow(); // a customer's browser as well as the editor's, and an axe run
    const article = await seedHistory(db, admin, editor);
    // A customer has the current version cached before the restore.
    const customer = await (await browser.newContext({ baseURL })).newPage();
    await customer.goto(`/articles/${article.slug}`);
    await expect(customer.getByRole("heading", { level: 1 })).toHaveText("Forward a mailbox to another address");
    await expect(customer.getByText("Press Save.")).toBeVisible();

    await page.goto(`/staff/articles/${article.id}/history`);
    await page.getByRole("link", { name: "Restore… the version of 3 Nov 2026, 09:30 UTC" }).click();
    const confirm = page.getByRole("region", { name: `Restore the version of 3 Nov 2026, 09:30 UTC by ${admin.name}?` });
    await expect(confirm).toContainText("Title change; 1 line added and 3 removed in the body.");
    await expect(confirm).toContainText(`The address stays /articles/${article.slug}`);
    await expectAccessible(page, "history-restore");
    await confirm.getByRole("button", { name: "Restore this version" }).click();

    await expect(page.getByRole("status")).toContainText(`Restored. Restored from the revision of 3 Nov 2026, 09:30 UTC by ${admin.name}.`);
    const rows = page.locator("tr[data-revision]");
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText(`by ${editor.name}`);
    await expect(rows.first()).toContainText("Restored from the revision of 3 Nov 2026, 09:30 UTC");
    await expect(rows.first()).toContainText("Customers see this");

    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id }, include: { publishedRevision: true } });
    expect(stored.publishedRevision?.body).toBe(oldBody.trim());
    expect(stored.slug).toBe(article.slug);
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(3);

    await customer.reload();
    await expect(customer.getByRole("heading", { level: 1 })).toHaveText("Forward a mailbox");
    await expect(customer.getByText("Open Settings and choose Forwarding.")).toBeVisible();
    await expect(customer.getByText("Press Save.")).toHaveCount(0);
  });

  test("explains why a version cannot be restored, and stores nothing", async ({ editorPage: page, editor, db }) => {
    const article = await seedHistory(db, editor, editor);
    // The old version now names a category that has since been removed from the database's point of view.
    await db.articleRevision.update({ where: { id: article.a }, data: { categorySlug: "no-such-category" } });
    await page.goto(`/staff/articles/${article.id}/history?restore=${article.a}`);
    await page.getByRole("button", { name: "Restore this version" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      'This revision cannot be published again as it is. Category: there is no category "no-such-category".',
    );
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(2);
  });

  test("answers not found for an unknown article and sends anonymous visitors to sign in", async ({ editorPage: page, browser, baseURL, db }) => {
    const response = await page.goto("/staff/articles/no-such-article/history");
    expect(response?.status()).toBe(404);
    const article = await db.article.findFirstOrThrow({ select: { id: true } });
    const anonymous = await (await browser.newContext({ baseURL })).newPage();
    await anonymous.goto(`/staff/articles/${article.id}/history`);
    await expect(anonymous).toHaveURL(/\/staff\/sign-in/);
  });
});
