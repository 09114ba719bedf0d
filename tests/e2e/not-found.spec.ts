import { expect, test } from "./fixtures";

test.describe("not found", () => {
  for (const path of [
    "/articles/no-such-article",
    "/categories/no-such-category",
    "/articles/..%2F..%2Fetc%2Fpasswd",
    "/articles/a%2Fb",
    "/articles/Bad_Slug",
    "/no/such/page",
  ]) {
    test(`${path} answers 404 with a search box and popular articles`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that page" })).toBeVisible();
      await expect(page.getByRole("combobox", { name: "Search the help center" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Popular articles" }).getByRole("link")).toHaveCount(5);
    });
  }

  test("the search box on the 404 page works", async ({ page }) => {
    await page.goto("/articles/imap-pop-old-link");
    await page.getByRole("combobox", { name: "Search the help center" }).pressSequentially("imap");
    await expect(page.getByRole("option").first()).toContainText("IMAP");
  });
});
