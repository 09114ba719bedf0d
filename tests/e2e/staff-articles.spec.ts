// The staff article list: filters and sorts in the URL, ratings and views per article, and
// pages that pass axe on a desk and on a phone.
import { randomUUID } from "node:crypto";
import type { Database } from "../../lib/db-client";
import { expect, test } from "./staff-fixtures";
import { expectAccessible } from "./page-checks";

/** Archived articles: customers never see them, so other journeys are not disturbed. */
async function seedArchived(db: Database, title: string, ratings: { happy: number; normal: number; sad: number }, views: number) {
  const slug = `e2e-list-${randomUUID().slice(0, 8)}`;
  const article = await db.article.create({
    data: { slug, title, description: "Seeded for the article list journey.", categorySlug: "wordpress", status: "archived", contentUpdatedAt: new Date() },
  });
  const votes = Object.entries(ratings).flatMap(([rating, n]) =>
    Array.from({ length: n }, (_, i) => ({ articleId: article.id, rating, visitorId: `${slug}-${rating}-${i}` })),
  );
  if (votes.length) await db.feedback.createMany({ data: votes });
  if (views) await db.articleViewDay.create({ data: { articleId: article.id, day: new Date().toISOString().slice(0, 10), count: views } });
  return article;
}

test.describe("Staff article list", () => {
  test("filters by category and status, sorts by score, and shows each article's ratings and views", async ({ editorPage: page, db }) => {
    const run = randomUUID().slice(0, 6);
    await seedArchived(db, `Loved list article ${run}`, { happy: 4, normal: 0, sad: 0 }, 3);
    await seedArchived(db, `Mixed list article ${run}`, { happy: 1, normal: 1, sad: 2 }, 12);
    await seedArchived(db, `Unrated list article ${run}`, { happy: 0, normal: 0, sad: 0 }, 0);

    await page.goto("/staff/articles");
    await page.getByLabel("Category").selectOption({ label: "WordPress" });
    await page.getByLabel("Status").selectOption({ label: "Archived" });
    await page.getByLabel("Sort by").selectOption({ label: "Satisfaction score" });
    await page.getByLabel("Order").selectOption({ label: "Highest / newest first" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/category=wordpress&status=archived&audience=&locale=&sort=score&order=desc/);

    const table = page.getByRole("table", { name: "Articles, with reader ratings and views" });
    const ours = table.getByRole("row").filter({ hasText: run });
    await expect(ours).toHaveText([/Loved list article/, /Mixed list article/, /Unrated list article/]);
    // Happy, Normal, Sad, score, views: 1 happy + 1 normal + 2 sad scores (100 + 50) / 4 = 38.
    // As shown on a wide screen (each number's own label is for phones only).
    await expect(ours.nth(1).getByRole("cell")).toHaveText([/Mixed list article/, "English", "WordPress", "Archived", "1", "1", "2", "38", "12", /\d{4}/], {
      useInnerText: true,
    });
    await expect(ours.nth(2).getByRole("cell").nth(7)).toHaveText(/^—\s*no ratings yet$/, { useInnerText: true });

    await page.getByLabel("Sort by").selectOption({ label: "Views (30 days)" });
    await page.getByLabel("Order").selectOption({ label: "Lowest / oldest first" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(ours).toHaveText([/Unrated list article/, /Loved list article/, /Mixed list article/]);

    await ours
      .first()
      .getByRole("link", { name: /Unrated list article/ })
      .click();
    await expect(page).toHaveURL(/\/staff\/articles\/[a-z0-9]+$/);
    await expect(page.getByLabel("Title")).toHaveValue(`Unrated list article ${run}`);
  });

  test("lists deleted articles only under Deleted, and says so when nothing matches", async ({ editorPage: page, db }) => {
    const gone = await seedArchived(db, `Deleted list article ${randomUUID().slice(0, 6)}`, { happy: 0, normal: 0, sad: 0 }, 0);
    await db.article.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    await page.goto("/staff/articles?category=wordpress&status=archived");
    await expect(page.getByRole("link", { name: gone.title })).toHaveCount(0);
    await page.goto("/staff/articles?status=deleted");
    await expect(page.getByRole("link", { name: gone.title })).toBeVisible();
    await page.goto("/staff/articles?category=no-such-category");
    await expect(page.getByRole("heading", { name: "No articles match these filters" })).toBeVisible();
  });

  test("the new-article page takes its title from the search insights link", async ({ editorPage: page }) => {
    await page.goto("/staff/articles/new?title=how%20do%20I%20change%20my%20dns");
    await expect(page.getByLabel("Title")).toHaveValue("how do I change my dns");
    await page.getByLabel("Title").fill("x");
    await page.getByLabel("Category").selectOption({ label: "Email" });
    await page.getByRole("button", { name: "Create and open the editor" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Some fields are invalid" })).toContainText("title must be at least 3 characters");
    await expect(page).toHaveURL(/\/staff\/articles\/new/);
  });

  test("anonymous visitors are sent to sign in", async ({ page }) => {
    await page.goto("/staff/articles?sort=score");
    await expect(page).toHaveURL(/\/staff\/sign-in/);
  });
});

test.describe("staff article pages: accessibility and layout @mobile", () => {
  test("the list, the new-article form and the editor pass axe and fit the screen", async ({ editorPage: page, db }) => {
    test.setTimeout(180_000); // six axe runs (two themes, three pages), the editor's among them
    await seedArchived(db, `Axe list article ${randomUUID().slice(0, 6)}`, { happy: 1, normal: 2, sad: 0 }, 5);
    await page.goto("/staff/articles");
    await expectAccessible(page, "staff-articles");

    await page.goto("/staff/articles/new?title=Axe%20check%20article");
    await expectAccessible(page, "staff-new-article");
    await page.getByLabel("Category").selectOption({ label: "Email" });
    await page.getByRole("button", { name: "Create and open the editor" }).click();
    await expect(page.getByRole("textbox", { name: "Article body (MDX)" })).toBeVisible();
    await page.getByRole("textbox", { name: "Article body (MDX)" }).click();
    await page.keyboard.insertText("Intro line.\n\n<Foo>bad</Foo>\n\n## A section\n\n<Note>Remember this.</Note>\n");
    await expect(page.getByRole("region", { name: "Article preview" }).getByRole("heading", { name: "A section" })).toBeVisible();
    await expect(
      page
        .getByRole("region", { name: /problem/ })
        .getByRole("listitem")
        .first(),
    ).toBeVisible();
    await expectAccessible(page, "staff-editor");
  });
});
