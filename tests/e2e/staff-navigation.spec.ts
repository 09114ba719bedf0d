// Getting around the staff area: on a phone every page is one tap (or key) away behind the Menu
// button, never hidden in a sideways scroll; and a page that is slow to arrive shows progress at once.
import { devices } from "@playwright/test";
import { expect, signIn, test } from "./staff-fixtures";

const ITEMS = ["Overview", "Articles", "Feedback", "Searches", "Synonyms & pins", "Backlog", /^Inbox \d+ open$/, "Library", "Users"];

test.describe("staff navigation", () => {
  test("on a phone, the Menu button (with the inbox count) opens every page, by touch and by keyboard", async ({ browser, baseURL, admin, db }) => {
    await db.contactRequest.create({ data: { name: "Customer", email: "customer@example.com", message: "Please help with my mailbox." } });
    const context = await browser.newContext({ ...devices["Pixel 7"], baseURL });
    const page = await context.newPage();
    await signIn(page, admin);

    for (const width of [devices["Pixel 7"].viewport.width, 390]) {
      await page.setViewportSize({ width, height: 800 });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        `sideways scrolling at ${width}px`,
      ).toBeLessThanOrEqual(0);
      // The header's first line holds the name and the Menu button side by side; it does not wrap.
      const brand = (await page.getByRole("link", { name: /staff$/ }).boundingBox())!;
      const menuBox = (await page.getByRole("button", { name: /^Menu\b/ }).boundingBox())!;
      expect(Math.abs(brand.y + brand.height / 2 - (menuBox.y + menuBox.height / 2)), `name and Menu on one line at ${width}px`).toBeLessThan(8);
      expect(brand.height, `the name on one line at ${width}px`).toBeLessThan(40);
    }

    const menu = page.getByRole("button", { name: /^Menu \d+ open$/ });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("link", { name: "Backlog" })).toBeHidden();

    // By keyboard: open, then Tab through every page of the staff area, each one visible.
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Staff" });
    for (const name of ITEMS) {
      await page.keyboard.press("Tab");
      const link = nav.getByRole("link", { name });
      await expect(link).toBeFocused();
      await expect(link).toBeInViewport();
    }
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(nav.getByRole("link", { name: "Library" })).toBeHidden();

    // By touch: open, tap Library, and the menu closes on the new page.
    await menu.tap();
    await nav.getByRole("link", { name: "Library" }).tap();
    await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Menu\b/ })).toHaveAttribute("aria-expanded", "false");
    await context.close();
  });

  test("a page that is slow to arrive shows progress from the moment of the click", async ({ editorPage: page }) => {
    await page.goto("/staff");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Hold the inbox's page data (not the link's prefetch) until the progress has been seen.
    await page.route(
      (url) => url.pathname === "/staff/inbox",
      async (route) => {
        const headers = route.request().headers();
        if (headers.rsc && !headers["next-router-prefetch"]) await held;
        await route.continue();
      },
    );
    await page
      .getByRole("navigation", { name: "Staff" })
      .getByRole("link", { name: /^Inbox/ })
      .click();
    const progress = page.getByRole("progressbar", { name: "Loading the page" });
    await expect(progress).toBeVisible();
    release();
    await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
    await expect(progress).toHaveCount(0);
  });
});
