// The staff area's reason to exist, end to end: customers rate an article Sad, a support person who
// has never seen the code signs in, finds it, fixes it, publishes, and later sees the score improve.
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { createStaffAccount, expect, seedPublishedArticle, signIn, test } from "./staff-fixtures";
import { formatDate } from "../../lib/format";
import { replaceBody } from "./editor-page";

async function rateAsNewVisitor(request: APIRequestContext, article: string, rating: "happy" | "normal" | "sad", comment?: string) {
  const response = await request.post("/api/feedback", { data: { article, rating, ...(comment ? { comment } : {}) } });
  expect(response.status()).toBe(200);
}

test("a support person fixes an article customers rated Sad, publishes it, and sees the score improve", async ({ page, browser, db, playwright, baseURL }) => {
  test.slow();
  const word = `zq${randomUUID().slice(0, 6)}`;
  const title = `Turn on out-of-office replies ${word}`;
  const slug = `out-of-office-${word}`;
  const importer = await createStaffAccount(db, "editor", "Content Import");
  const article = await seedPublishedArticle(db, importer, {
    slug,
    title,
    description: "Send an automatic answer while you are away.",
    tags: ["autoresponder"],
    body: "Out-of-office replies are available on every plan.",
  });

  // Customers: one in the browser, three more through the same API the widget uses.
  const customer = await browser.newPage();
  await customer.goto(`/articles/${slug}`);
  await customer.getByRole("button", { name: "Sad" }).click();
  await customer.getByRole("textbox", { name: "What were you looking for? (optional)" }).fill(`Where do I switch it on? ${word}`);
  await customer.getByRole("button", { name: "Send comment" }).click();
  await expect(customer.getByRole("status").filter({ hasText: "Your comment goes straight" })).toBeVisible();
  for (const [rating, comment] of [["sad", "No steps at all"], ["sad"], ["normal"]] as const) {
    const visitor = await playwright.request.newContext({ baseURL });
    await rateAsNewVisitor(visitor, slug, rating, comment);
    await visitor.dispose();
  }

  // The support person signs in and follows the Sad comment to the article.
  const person = await createStaffAccount(db, "editor", "Sam Support");
  await signIn(page, person);
  const sadComments = page.getByRole("region", { name: "Recent Sad comments" });
  await expect(sadComments).toContainText(`Where do I switch it on? ${word}`);
  await sadComments.getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Feedback: ${title}`);
  // 0 Happy, 1 Normal, 3 Sad: 50 / 4 = 12.5, shown as 13.
  await expect(page.getByRole("region", { name: "All ratings of this article" })).toContainText("Score (0–100)13from 4 ratings");

  // Fix and publish.
  await page.getByRole("navigation", { name: "This article" }).getByRole("link", { name: "Edit" }).click();
  await replaceBody(
    page,
    `Out-of-office replies are available on every plan.\n\n## Switch it on\n\n1. Sign in to webmail.\n2. Open **Settings**, then **Out of office** (${word}).\n3. Write your message, choose the dates and select **Save**.`,
  );
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
  const published = await db.article.findUniqueOrThrow({
    where: { id: article.id },
    select: { publishedRevisionId: true, publishedRevision: { select: { createdAt: true } } },
  });

  // Customers see the fix, and the next three are happy with it.
  await customer.reload();
  await expect(customer.getByRole("article").getByRole("heading", { name: "Switch it on", level: 2 })).toBeVisible();
  for (let i = 0; i < 3; i++) {
    const visitor = await playwright.request.newContext({ baseURL });
    await rateAsNewVisitor(visitor, slug, "happy");
    await visitor.dispose();
  }

  // Later: the article's feedback shows the new version's score beside the old one's.
  await page.getByRole("navigation", { name: "This article" }).getByRole("link", { name: "Feedback" }).click();
  const perRevision = page.getByRole("region", { name: "Score per revision" });
  const fixed = perRevision.locator(`tr[data-revision="${published.publishedRevisionId}"]`);
  await expect(fixed).toContainText("3 Happy · 0 Normal · 0 Sad");
  await expect(fixed.getByRole("cell").nth(1)).toHaveText("100");
  const editDate = formatDate(published.publishedRevision!.createdAt);
  await expect(fixed).toContainText(`+87 (up) after the edit on ${editDate}`);
  await customer.close();
});
