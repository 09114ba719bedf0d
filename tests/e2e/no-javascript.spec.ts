import { expect, test } from "./fixtures";

test.describe("search without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("submitting the search form shows server-rendered results with the same ranking", async ({ page }) => {
    await page.goto("/");
    const search = page.getByRole("combobox", { name: "Search the help center" });
    await search.fill("imap vs pop");
    await search.press("Enter");
    await expect(page).toHaveURL("/search?q=imap+vs+pop");
    const results = page.getByRole("listitem");
    await expect(results.first()).toContainText("The difference between IMAP and POP");
    await expect(results.first().locator("mark").first()).toHaveText("IMAP");
    await results.first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The difference between IMAP and POP");
  });

  test("a search that finds nothing offers the contact form", async ({ page }) => {
    await page.goto("/search?q=qwertyuiop+zxcv");
    await expect(page.getByRole("heading", { name: "No articles match “qwertyuiop zxcv”" })).toBeVisible();
    await expect(page.getByRole("link", { name: "contact our support team" })).toHaveAttribute("href", "/contact?q=qwertyuiop%20zxcv");
  });
});
