// Instant search on a slow connection: the index takes seconds to arrive on a slow phone, and the
// search box says so meanwhile instead of showing nothing.
import { expect, test } from "./fixtures";

test.describe("instant search while its index arrives @mobile", () => {
  test("says it is loading, then shows the results", async ({ page, context }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The index is fetched by the search worker: routed on the context, which sees workers' requests too.
    await context.route("**/search-index/**", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/articles/mx-records");
    const search = page.getByRole("combobox", { name: "Search the help center" });
    await search.pressSequentially("imap");
    const loading = page.getByRole("status").filter({ hasText: "Loading search…" });
    await expect(loading).toBeVisible();
    await expect(search).toHaveAttribute("aria-expanded", "false");

    release();
    await expect(page.getByRole("listbox", { name: "Matching articles" }).getByRole("option").first()).toContainText("IMAP");
    await expect(loading).toHaveCount(0);
    await expect(search).toHaveAttribute("aria-expanded", "true");
  });
});
