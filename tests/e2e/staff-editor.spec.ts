// The article editor: create, preview, invalid MDX refused with its line, publish (a customer
// sees it at once, search included), two editors at once, and renamed slugs.
import { randomUUID } from "node:crypto";
import type { Database } from "../../lib/db-client";
import { createStaffAccount, expect, seedPublishedArticle, signIn, type StaffAccount, test } from "./staff-fixtures";
import { editorSource, replaceBody, saveStatus } from "./editor-page";

/** A distinctive made-up word, so search finds exactly this test's article. */
const token = () => `zq${randomUUID().replaceAll("-", "").slice(0, 8)}`;

/** A published article for one test, under a slug of its own. */
function seedArticle(db: Database, author: StaffAccount, { title, body }: { title: string; body: string }) {
  return seedPublishedArticle(db, author, { slug: `e2e-${token()}`, title, body });
}

test.describe("Article editor", () => {
  test("creates an article, refuses invalid MDX with its line, previews it, and publishes it to customers and search", async ({
    editorPage: page,
    db,
    request,
    browser,
    baseURL,
  }) => {
    const word = token();
    const title = `Set up a vacation responder ${word}`;
    // The customer site is already serving (the deadline below is for publishing, not a cold start).
    expect((await request.get("/articles/mailbox-full")).status()).toBe(200);
    await page.goto(`/staff/articles/new?title=${encodeURIComponent(title)}`);
    await expect(page.getByLabel("Title")).toHaveValue(title);
    await page.getByLabel("Category").selectOption({ label: "Email" });
    await page.getByRole("button", { name: "Create and open the editor" }).click();
    await expect(page).toHaveURL(/\/staff\/articles\/[a-z0-9]+$/);
    const articleId = page.url().split("/").at(-1)!;
    const slug = `set-up-a-vacation-responder-${word}`;
    await expect(page.getByLabel("Slug")).toHaveValue(slug);

    // Frontmatter problems are named beside their fields.
    await expect(page.locator("#field-description-error")).toContainText("at least 20 characters");
    await page.getByLabel("Description").fill("Reply automatically to mail while you are away from your desk.");
    await page.getByLabel("Tags").fill("autoresponder, away");
    await expect(page.locator("#field-description-error")).toHaveCount(0);

    await replaceBody(page, "Turn on an automatic reply.\n\n<script>alert('hi')</script>\n\n## Steps\n");
    const problems = page.getByRole("region", { name: /problem/ });
    await expect(problems.getByRole("listitem").filter({ hasText: /^Line 3: <script> is not an allowed component/ })).toBeVisible();
    await expect(page.locator(".cm-lintRange-error")).toHaveCount(1);
    await expect(saveStatus(page)).toContainText("Draft saved");

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Not published: 1 problem to fix first" })).toBeVisible();
    expect(await db.articleRevision.count({ where: { articleId } })).toBe(0);
    expect(await db.article.findUniqueOrThrow({ where: { id: articleId } })).toMatchObject({ status: "draft", publishedRevisionId: null });
    // The invalid draft itself is kept: autosave stores whatever the author typed.
    expect((await db.articleDraft.findUniqueOrThrow({ where: { articleId } })).body).toContain("<script>");

    await replaceBody(page, `Turn on an automatic reply ${word}.\n\n## Open the responder\n\n<Tip>Set an end date so it stops by itself.</Tip>\n`);
    const preview = page.getByRole("region", { name: "Article preview" });
    await expect(preview.getByRole("heading", { name: "Open the responder", level: 2 })).toBeVisible();
    await expect(preview.getByRole("note", { name: "Tip" })).toContainText("Set an end date");
    await expect(problems.getByRole("listitem")).toHaveCount(0);
    await expect(saveStatus(page)).toContainText("Draft saved");

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
    // Without a rebuild: the page and the search index. (How fast is measured by npm run bench.)
    await expect.poll(async () => (await request.get(`/articles/${slug}`)).text()).toContain(`Turn on an automatic reply ${word}`);
    await expect
      .poll(async () => ((await (await request.get(`/api/search?q=${word}`)).json()) as { results: { slug: string }[] }).results.map((r) => r.slug))
      .toContain(slug);

    const customer = await browser.newContext({ baseURL });
    const customerPage = await customer.newPage();
    await customerPage.goto(`/articles/${slug}`);
    await expect(customerPage.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(customerPage.getByRole("note", { name: "Tip" })).toContainText("Set an end date");
    await customer.close();
    expect(await db.articleDraft.count({ where: { articleId } })).toBe(0);
  });

  test("two editors: a newer published version is shown beside mine, and Publish mine anyway replaces it knowingly", async ({
    editorPage: alice,
    editor,
    db,
    browser,
    baseURL,
  }, testInfo) => {
    const { id, slug } = await seedArticle(db, editor, { title: `Webmail sign-in ${token()}`, body: "Open webmail.\n\nSign in with your address.\n" });
    const bobAccount = await createStaffAccount(db, "editor", "Bob Builder");
    const bobContext = await browser.newContext({ baseURL });
    const bob = await bobContext.newPage();
    await signIn(bob, bobAccount);

    await alice.goto(`/staff/articles/${id}`);
    await bob.goto(`/staff/articles/${id}`);
    await expect(editorSource(alice)).toContainText("Sign in with your address.");

    await replaceBody(bob, "Open webmail.\n\nSign in with your full e-mail address (Bob).\n");
    await expect(saveStatus(bob)).toContainText("Draft saved");
    await bob.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(bob.getByRole("status").filter({ hasText: "Published." })).toBeVisible();

    await replaceBody(alice, "Open webmail.\n\nSign in with your address and password (Alice).\n");
    await expect(alice.getByRole("status").filter({ hasText: "Bob Builder published a newer version" })).toBeVisible();
    await alice.getByRole("button", { name: "Publish", exact: true }).click();
    const conflict = alice.getByRole("alert").filter({ hasText: "Bob Builder published a newer version" });
    await expect(conflict).toBeVisible();
    const diff = conflict.getByLabel("Differences in the body");
    await expect(diff).toContainText("Sign in with your full e-mail address (Bob).");
    await expect(diff).toContainText("Sign in with your address and password (Alice).");
    // Nothing was overwritten, and Alice's text is still in her editor.
    expect((await db.articleRevision.findFirstOrThrow({ where: { articleId: id }, orderBy: { createdAt: "desc" } })).body).toContain("(Bob)");
    await expect(editorSource(alice)).toContainText("(Alice)");
    await expect(saveStatus(alice)).toHaveText("Not published: a newer version exists — choose below");
    await testInfo.attach("publish-conflict.png", { body: await alice.screenshot({ fullPage: true }), contentType: "image/png" });

    await conflict.getByRole("button", { name: "Publish mine anyway" }).click();
    await expect(alice.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
    const head = await db.articleRevision.findFirstOrThrow({ where: { articleId: id }, orderBy: { createdAt: "desc" } });
    expect(head).toMatchObject({ author: editor.name, note: expect.stringContaining("newer version") });
    expect(head.body).toContain("(Alice)");
    const customer = await (await browser.newContext({ baseURL })).newPage();
    await customer.goto(`/articles/${slug}`);
    await expect(customer.getByText("Sign in with your address and password (Alice).")).toBeVisible();
    await bobContext.close();
  });

  test("two editors on one draft: the later autosave is not lost; Take theirs keeps a copy of mine", async ({
    editorPage: alice,
    db,
    editor,
    browser,
    baseURL,
  }) => {
    const { id } = await seedArticle(db, editor, { title: `Mailbox quota ${token()}`, body: "Your mailbox has a quota.\n" });
    const bobAccount = await createStaffAccount(db, "editor", "Bea Draftwright");
    const bobContext = await browser.newContext({ baseURL });
    const bob = await bobContext.newPage();
    await signIn(bob, bobAccount);
    await alice.goto(`/staff/articles/${id}`);
    await bob.goto(`/staff/articles/${id}`);
    await expect(editorSource(bob)).toContainText("quota");

    await replaceBody(bob, "Your mailbox has a quota of 5 GB (Bea).\n");
    await expect(saveStatus(bob)).toContainText("Draft saved");
    await replaceBody(alice, "Your mailbox quota is shown in webmail (Alice).\n");
    const conflict = alice.getByRole("alert").filter({ hasText: "Bea Draftwright saved a newer draft" });
    await expect(conflict).toBeVisible();
    await expect(saveStatus(alice)).toContainText("Not saved");
    expect((await db.articleDraft.findUniqueOrThrow({ where: { articleId: id } })).body).toContain("(Bea)");

    await conflict.getByRole("button", { name: "Take theirs (keep a copy of mine)" }).click();
    await expect(editorSource(alice)).toContainText("(Bea)");
    await expect(alice.getByRole("textbox", { name: "Your earlier version" })).toHaveValue(/Your mailbox quota is shown in webmail \(Alice\)/);

    // Now on Bea's version, Alice's next change saves normally.
    await replaceBody(alice, "Your mailbox has a quota of 5 GB, shown in webmail (Bea and Alice).\n");
    await expect(saveStatus(alice)).toContainText("Draft saved");
    expect((await db.articleDraft.findUniqueOrThrow({ where: { articleId: id } })).body).toContain("(Bea and Alice)");
    await bobContext.close();
  });

  test("a renamed article keeps its old addresses answering with a permanent redirect, through two renames", async ({
    editorPage: page,
    editor,
    db,
    request,
  }) => {
    const first = await seedArticle(db, editor, { title: `Renamed article ${token()}`, body: "Some text that stays.\n" });
    const second = `${first.slug}-renamed`;
    const third = `${first.slug}-again`;
    await page.goto(`/staff/articles/${first.id}`);
    // Warm the customer page cache under the old slug first: the rename must replace it.
    expect((await request.get(`/articles/${first.slug}`)).status()).toBe(200);

    for (const next of [second, third]) {
      await page.getByLabel("Slug").fill(next);
      await page.getByRole("button", { name: "Publish", exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: `Published. Customers see it now at /articles/${next}` })).toBeVisible();
    }
    for (const old of [first.slug, second]) {
      const response = await request.get(`/articles/${old}`, { maxRedirects: 0 });
      expect(response.status()).toBe(308);
      expect(response.headers().location).toMatch(new RegExp(`/articles/${third}$`));
    }
    const current = await request.get(`/articles/${third}`);
    expect(current.status()).toBe(200);
    expect(await current.text()).toContain("Some text that stays.");
  });

  test("unpublish asks first and hides the article from customers, delete is soft and restore brings it back", async ({
    editorPage: page,
    editor,
    db,
    request,
  }) => {
    const { id, slug } = await seedArticle(db, editor, { title: `Short-lived ${token()}`, body: "Temporary text.\n" });
    await page.goto(`/staff/articles/${id}`);
    await page.getByRole("button", { name: "Unpublish" }).click();
    const question = page.getByRole("group", { name: "Take this article off the help center? Customers will no longer see it." });
    await expect(question).toBeVisible();
    // Cancel changes nothing.
    await question.getByRole("button", { name: "Cancel" }).click();
    await expect(question).toHaveCount(0);
    expect((await request.get(`/articles/${slug}`)).status()).toBe(200);
    await page.getByRole("button", { name: "Unpublish" }).click();
    await page.getByRole("button", { name: "Yes, unpublish" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Unpublished." })).toBeVisible();
    await expect.poll(async () => (await request.get(`/articles/${slug}`)).status()).toBe(404);

    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Deleted." })).toBeVisible();
    expect((await db.article.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    await page.getByRole("button", { name: "Restore article" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Restored." })).toBeVisible();
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ deletedAt: null, status: "draft" });
  });

  test("archive asks first, and archives only when confirmed", async ({ editorPage: page, editor, db }) => {
    const { id } = await seedArticle(db, editor, { title: `To archive ${token()}`, body: "Old text.\n" });
    await page.goto(`/staff/articles/${id}`);
    await page.getByRole("button", { name: "Archive" }).click();
    const question = page.getByRole("group", { name: "Archive this article? Customers will no longer see it." });
    await expect(question.getByRole("button", { name: "Yes, archive" })).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter"); // Cancel
    await expect(question).toHaveCount(0);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("published");
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("button", { name: "Yes, archive" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Archived." })).toBeVisible();
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("archived");
  });

  test("at 1280×800 the body starts on the first screen, and the save status and Publish stay in view while writing", async ({
    editorPage: page,
    editor,
    db,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const longBody = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of a long article.`).join("\n\n");
    const { id } = await seedArticle(db, editor, { title: `A long article ${token()}`, body: longBody });
    await page.goto(`/staff/articles/${id}`);
    const body = editorSource(page);
    await expect(body).toBeVisible();
    expect((await body.boundingBox())!.y, "the body's top, in px from the top of the window").toBeLessThan(800 - 100);

    // Write at the end of the body, with the page scrolled to its end: far enough that a toolbar
    // that did not stick would be out of view.
    const toolbar = page.getByRole("button", { name: "Publish", exact: true });
    const toolbarBottom = await toolbar.evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY);
    await body.click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("\n\nA new last paragraph.");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(toolbarBottom);
    await expect(saveStatus(page)).toContainText(/Unsaved changes|Saving…|Draft saved/);
    await expect(saveStatus(page)).toBeInViewport();
    await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeInViewport();
    await expect(saveStatus(page)).toContainText("Draft saved");
    await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeInViewport();
  });

  test("the preview endpoint refuses anonymous callers and oversized bodies", async ({ request, editorPage: page }) => {
    const anonymous = await request.post("/api/staff/preview", { data: { body: "Hello" } });
    expect(anonymous.status()).toBe(401);
    const tooBig = await page.request.post("/api/staff/preview", { data: { body: "x".repeat(1_100_000) } });
    expect(tooBig.status()).toBe(413);
    const invalid = await page.request.post("/api/staff/preview", { data: { body: 42 } });
    expect(invalid.status()).toBe(422);
    const ok = await page.request.post("/api/staff/preview", { data: { body: "## Hi\n\n<iframe src='x'></iframe>\n" } });
    expect(await ok.json()).toMatchObject({ headings: [{ text: "Hi" }], problems: [{ field: "body", line: 3 }] });
  });

  test("a customer page loaded before a publish still searches: its old index name leads to the new index", async ({ page, db, editor }) => {
    await page.goto("/articles/mx-records");
    const word = token();
    await seedArticle(db, editor, { title: `Change your spam filter level ${word}`, body: "Open **Spam filters** and pick a level." });
    // The content version is checked at most once a second.
    await page.waitForTimeout(1_200);
    await page.getByRole("combobox", { name: "Search the help center" }).pressSequentially(word);
    await expect(page.getByRole("listbox", { name: "Matching articles" }).getByRole("option").first()).toContainText(`Change your spam filter level ${word}`);
  });
});
