import { expect, test } from "./fixtures";
import { CUSTOMER_PAGES, expectNoAxeViolations } from "./page-checks";

test.describe("accessibility and layout @mobile", () => {
  for (const path of CUSTOMER_PAGES) {
    test(`${path} has no axe violations in either theme and no sideways scrolling`, async ({ page }, testInfo) => {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectNoAxeViolations(page);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await testInfo.attach(`${testInfo.project.name}${path.replaceAll("/", "_")}.png`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: "image/png",
      });
    });
  }

  test("the search results panel and rating thank-you are visible on a phone", async ({ page }) => {
    await page.goto("/articles/mx-records");
    await page.getByRole("combobox", { name: "Search the help center" }).pressSequentially("ssl");
    await expect(page.getByRole("option").first()).toBeInViewport();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Happy" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Thanks for your feedback" })).toBeInViewport();
  });
});
