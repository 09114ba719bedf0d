// Search insights and the gap backlog as staff see them, for searches and comments seeded here.
import { randomUUID } from "node:crypto";
import { expect, test } from "./staff-fixtures";
import { expectAccessible } from "./page-checks";

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

test.describe("search insights", () => {
  test("show seeded searches in the right tables with exact numbers, per period", async ({ editorPage: page, db }) => {
    // 12 days ago, so only the 30- and 90-day views count them (the suite's own searches are recent).
    const at = daysAgo(12);
    const seed = (query: string, resultCount: number, openedSlug: string | null, times: number) =>
      db.searchEvent.createMany({ data: Array.from({ length: times }, () => ({ query, resultCount, openedSlug, createdAt: at })) });
    await seed("wombat invoices", 4, "download-invoices", 3);
    await seed("wombat invoices", 4, null, 1);
    await seed("wombat tax", 0, null, 2);
    await seed("wombat refunds", 3, null, 2);

    await page.goto("/staff/searches?days=30");
    await expect(page.getByRole("heading", { level: 1, name: "Searches" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");

    const row = (table: string, query: string) =>
      page
        .getByRole("region", { name: table })
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: query, exact: true }) });
    await expect(row("Top queries", "wombat invoices").getByRole("cell")).toHaveText(["4", "100%", "75%", /Write an article for this/]);
    await expect(row("Top queries", "wombat tax").getByRole("cell")).toHaveText(["2", "0%", "0%", /Write an article for this/]);
    await expect(row("Queries with no results", "wombat tax").getByRole("cell").first()).toHaveText("2");
    await expect(row("Queries with no results", "wombat invoices")).toHaveCount(0);
    await expect(row("Results nobody opened", "wombat refunds").getByRole("cell")).toHaveText(["2", "2", /\d+ \w+ 20\d\d/, /Write/]);
    await expect(row("Results nobody opened", "wombat invoices").getByRole("cell").nth(1)).toHaveText("1");

    const write = row("Queries with no results", "wombat tax").getByRole("link", { name: "Write an article for this: wombat tax" });
    await expect(write).toHaveAttribute("href", "/staff/articles/new?title=wombat%20tax");

    // The totals count every search in the period, the suite's own included. Other tests search
    // meanwhile: the page is compared with counts taken just before and after it was rendered, and
    // read again until nobody searched in between.
    const since = daysAgo(30);
    const count = () =>
      Promise.all([
        db.searchEvent.count({ where: { createdAt: { gte: since } } }),
        db.searchEvent.count({ where: { createdAt: { gte: since }, resultCount: 0 } }),
        db.searchEvent.count({ where: { createdAt: { gte: since }, openedSlug: { not: null } } }),
      ]);
    await expect(async () => {
      const before = await count();
      await page.reload();
      const shown = await page.locator("dl").textContent();
      expect(await count()).toEqual(before);
      const [searches, none, opened] = before;
      expect(shown).toContain(`Searches${searches.toLocaleString("en")}`);
      expect(shown).toContain(`Found nothing${Math.round((100 * none) / searches)}%`);
      expect(shown).toContain(`Opened a result${Math.round((100 * opened) / searches)}%`);
    }).toPass({ timeout: 60_000 });

    await expectAccessible(page, "searches");

    // The last 7 days do not reach back 12 days.
    await page.getByRole("link", { name: "Last 7 days" }).click();
    await expect(page).toHaveURL("/staff/searches?days=7");
    await expect(page.getByRole("rowheader", { name: /^wombat/ })).toHaveCount(0);
  });
});

test.describe("gap backlog", () => {
  test("groups variants of a missing article and Sad comments per article, each with its action", async ({ editorPage: page, db }) => {
    const seed = (query: string, times: number, days: number) =>
      db.searchEvent.createMany({ data: Array.from({ length: times }, () => ({ query, resultCount: 0, createdAt: daysAgo(days) })) });
    await seed("platypus backup", 4, 1);
    await seed("platypus", 2, 3);
    await seed("platypus backup setup", 1, 5);
    await seed("platyups backup", 1, 2);

    const article = await db.article.findUniqueOrThrow({ where: { slug: "use-webmail" }, select: { id: true, title: true } });
    for (const comment of ["The login button is not where the article says", "Screenshots\nare outdated"]) {
      await db.feedback.create({ data: { articleId: article.id, visitorId: randomUUID(), rating: "sad", comments: { create: { body: comment } } } });
    }

    await page.goto("/staff/backlog");
    await expect(page.getByRole("heading", { level: 1, name: "Backlog" })).toBeVisible();

    const missing = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "“platypus backup”" }) });
    await expect(missing).toHaveCount(1);
    await expect(missing).toContainText("8 searches found nothing");
    await expect(missing.getByRole("list", { name: "Searches for “platypus backup”" }).getByRole("listitem")).toHaveText([
      "platypus backup × 4",
      "platypus × 2",
      "platyups backup × 1",
      "platypus backup setup × 1",
    ]);
    await expect(missing.getByRole("link", { name: "Write an article for this: platypus backup" })).toHaveAttribute(
      "href",
      "/staff/articles/new?title=platypus%20backup",
    );
    // No other item for the variants.
    await expect(page.getByRole("heading", { name: /platy/ })).toHaveCount(1);

    const fix = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: article.title, exact: true }) });
    await expect(fix).toContainText("Article to improve");
    await expect(fix).toContainText("The login button is not where the article says");
    await expect(fix.getByText("Screenshots are outdated")).toBeVisible();
    await expect(fix.getByRole("link", { name: `Improve this article: ${article.title}` })).toHaveAttribute("href", `/staff/articles/${article.id}`);

    await expectAccessible(page, "backlog");
  });
});
