// Feedback insights: staff see exactly the ratings customers gave, per revision, with the change an
// edit made, and the site-wide lists and the overview point them at the articles that need work.
import { randomUUID } from "node:crypto";
import type { Database } from "../../lib/db-client";
import { expect, type StaffAccount, test } from "./staff-fixtures";
import { expectAccessible } from "./page-checks";
import { formatDate } from "../../lib/format";

const DAY = 86_400_000;
/** Dates as the pages write them: the brand's locale (lib/format.ts). */
const dateLabel = formatDate;

/**
 * An article with revision A (20 days ago) and revision B (5 days ago, what customers see), written
 * straight to the database: single writes, so the seed never waits on the server's transactions.
 */
async function seedArticle(db: Database, editor: StaffAccount, title: string) {
  const slug = `e2e-insights-${randomUUID().slice(0, 8)}`;
  const fields = {
    title,
    description: "How to forward messages to another mailbox, step by step.",
    categorySlug: "email",
    tags: '["forwarding"]',
    related: "[]",
  };
  const article = await db.article.create({ data: { slug, ...fields, status: "published", contentUpdatedAt: new Date() }, select: { id: true } });
  const revisionA = new Date(Date.now() - 20 * DAY);
  const revisionB = new Date(Date.now() - 5 * DAY);
  const revision = (body: string, createdAt: Date) =>
    db.articleRevision.create({
      data: { articleId: article.id, ...fields, body, contentHash: randomUUID(), author: editor.name, authorId: editor.id, createdAt },
      select: { id: true },
    });
  const a = await revision("Open **Settings**.", revisionA);
  const b = await revision("Open **Settings** in the control panel.", revisionB);
  await db.article.update({ where: { id: article.id }, data: { publishedRevisionId: b.id, publishedAt: revisionB } });
  return { id: article.id, slug, title, a: a.id, b: b.id, revisionA, revisionB };
}

async function rate(db: Database, articleId: string, revisionId: string, ratings: [string, string?][], daysAgo: number) {
  const when = new Date(Date.now() - daysAgo * DAY);
  for (const [rating, comment] of ratings) {
    const comments = comment ? { comments: { create: { body: comment, revisionId, createdAt: when } } } : {};
    await db.feedback.create({ data: { articleId, revisionId, visitorId: randomUUID(), rating, createdAt: when, updatedAt: when, ...comments } });
  }
}

test.describe("Feedback insights", () => {
  test("the article's page shows its ratings, the score per revision and the Sad comments @mobile", async ({ editorPage: page, editor, db }) => {
    test.slow(); // many checks and an axe run
    const article = await seedArticle(db, editor, `Forward your email ${randomUUID().slice(0, 4)}`);
    await rate(
      db,
      article.id,
      article.a,
      [["happy"], ["happy"], ["happy"], ["normal"], ["sad", "Where is the Settings page?"], ["sad", "The steps skip the control panel"]],
      12,
    );
    await rate(db, article.id, article.b, [["happy"], ["happy"], ["happy"], ["happy"], ["normal"]], 2);

    await page.goto(`/staff/articles/${article.id}/feedback`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Feedback: ${article.title}`);
    const totals = page.getByRole("region", { name: "All ratings of this article" });
    // 7 Happy, 2 Normal, 2 Sad: (7 × 100 + 2 × 50) / 11 = 73.
    await expect(totals).toContainText("Score (0–100)73from 11 ratings");
    await expect(totals).toContainText("Happy764% of ratings");
    await expect(totals).toContainText("Normal218% of ratings");
    await expect(totals).toContainText("Sad218% of ratings");

    const perRevision = page.getByRole("region", { name: "Score per revision" });
    const rowA = perRevision.locator(`tr[data-revision="${article.a}"]`);
    const rowB = perRevision.locator(`tr[data-revision="${article.b}"]`);
    await expect(rowA).toContainText("3 Happy · 1 Normal · 2 Sad");
    await expect(rowA.getByRole("cell").nth(1)).toHaveText("58");
    await expect(rowA).toContainText("first rated version");
    await expect(rowB).toContainText("4 Happy · 1 Normal · 0 Sad");
    await expect(rowB.getByRole("cell").nth(1)).toHaveText("90");
    await expect(rowB).toContainText(`+32 (up) after the edit on ${dateLabel(article.revisionB)}`);
    await expect(rowB).toContainText("Customers see this");

    const comments = page.getByRole("region", { name: "What Sad readers were looking for" });
    await expect(comments.getByRole("listitem")).toHaveCount(2);
    await expect(comments.getByRole("listitem").first()).toContainText("The steps skip the control panel");
    await expect(comments).toContainText(`rated the version of ${dateLabel(article.revisionA)}`);

    // The chart is described for screen readers and its numbers are in a table too.
    await expect(page.getByRole("img", { name: `Ratings per week for “${article.title}”, last 12 weeks` })).toBeVisible();
    await page.getByText("Weekly numbers as a table").click();
    const weeks = await page
      .getByRole("table", { name: "Weekly numbers" })
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent)));
    expect(weeks).toHaveLength(12);
    expect(weeks).toContainEqual(["3", "1", "2", "58"]);
    expect(weeks).toContainEqual(["4", "1", "0", "90"]);
    await expectAccessible(page, "article-feedback");
  });

  test("the site-wide page and the overview list the lowest-rated articles @mobile", async ({ editorPage: page, editor, db }) => {
    test.slow(); // three pages, two axe runs
    const title = `Nobody likes this one ${randomUUID().slice(0, 4)}`;
    const article = await seedArticle(db, editor, title);
    await rate(
      db,
      article.id,
      article.b,
      [["sad", "Nothing here works"], ["sad"], ["sad"], ["sad"], ["sad"], ["sad"], ["sad"], ["sad"], ["sad"], ["sad"], ["sad"], ["sad"]],
      1,
    );
    const few = await seedArticle(db, editor, `Too few ratings to rank ${randomUUID().slice(0, 4)}`);
    await rate(db, few.id, few.b, [["sad"], ["sad"]], 1);

    await page.goto("/staff/feedback");
    const lowest = page.getByRole("region", { name: "Lowest-rated articles" });
    await expect(lowest).toContainText("Only articles with at least 5 ratings are ranked.");
    const row = lowest.getByRole("row").filter({ hasText: title });
    await expect(row).toContainText("0 Happy · 0 Normal · 12 Sad");
    await expect(row.getByRole("cell").first()).toHaveText("0");
    await expect(lowest).not.toContainText(few.title);
    await expect(page.getByRole("region", { name: "Recent Sad comments" })).toContainText("Nothing here works");
    await expectAccessible(page, "site-feedback");

    await row.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/articles/${article.id}/feedback$`));

    await page.goto("/staff");
    await expect(page.getByRole("region", { name: "Articles that need work" })).toContainText(title);
    await expect(page.getByRole("link", { name: /Open contact requests/ })).toHaveAttribute("href", "/staff/inbox");
    await expect(page.getByRole("link", { name: /Searches with no results/ })).toHaveAttribute("href", "/staff/searches");
    await expectAccessible(page, "overview");
  });

  test("the overview counts the last 30 days against the 30 before", async ({ editorPage: page, editor, db }) => {
    const before = await db.feedback.count({ where: { updatedAt: { gte: new Date(Date.now() - 30 * DAY) }, article: { deletedAt: null } } });
    const failedBefore = await db.searchEvent.count({ where: { resultCount: 0, createdAt: { gte: new Date(Date.now() - 30 * DAY) } } });
    const article = await seedArticle(db, editor, "Counted on the overview");
    await rate(db, article.id, article.b, [["happy"], ["normal"], ["sad"]], 3);
    await db.searchEvent.create({ data: { query: `nothing-matches-${randomUUID().slice(0, 6)}`, resultCount: 0 } });
    await page.goto("/staff");
    const stats = page.getByRole("list", { name: "Last 30 days" });
    // Other tests may rate at the same time: at least ours are counted.
    const ratings = Number(
      (
        await stats
          .getByRole("link", { name: /Ratings, last 30 days/ })
          .locator("span")
          .nth(1)
          .textContent()
      )?.replace(/,/g, ""),
    );
    expect(ratings).toBeGreaterThanOrEqual(before + 3);
    const failed = Number(
      (
        await stats
          .getByRole("link", { name: /Searches with no results/ })
          .locator("span")
          .nth(1)
          .textContent()
      )?.replace(/,/g, ""),
    );
    expect(failed).toBeGreaterThanOrEqual(failedBefore + 1);
  });

  test("sends anonymous visitors to sign in", async ({ page, db }) => {
    const article = await db.article.findFirstOrThrow({ select: { id: true } });
    for (const path of ["/staff/feedback", `/staff/articles/${article.id}/feedback`]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/staff\/sign-in/);
    }
  });
});
