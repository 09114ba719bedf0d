import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Presses a shortcut until it focuses `target`: a key pressed before the page has hydrated (later
 * on a busy machine) reaches no handler and does nothing, so pressing again is what a person does.
 */
async function pressUntilFocused(page: Page, key: string, target: Locator) {
  await expect(async () => {
    await page.keyboard.press(key);
    await expect(target).toBeFocused({ timeout: 1_000 });
  }).toPass();
}

test.describe("keyboard-only search", () => {
  test("/ focuses the search, arrows move, Enter opens, Esc closes", async ({ page }) => {
    await page.goto("/categories/billing-account");
    const search = page.getByRole("combobox", { name: "Search the help center" });
    await pressUntilFocused(page, "/", search);

    await page.keyboard.type("dns propogation");
    const options = page.getByRole("listbox", { name: "Matching articles" }).getByRole("option");
    await expect(options.first()).toContainText("DNS");
    await expect(search).toHaveAttribute("aria-expanded", "true");

    await page.keyboard.press("Escape");
    await expect(search).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("ArrowDown");
    await expect(search).toHaveAttribute("aria-expanded", "true");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await expect(search).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
    await page.keyboard.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/articles/dns-propagation");
  });

  test("Ctrl+K focuses the search, and Enter without a choice opens the results page", async ({ page }) => {
    await page.goto("/articles/mx-records");
    await page.getByRole("heading", { level: 1 }).click();
    await pressUntilFocused(page, "Control+k", page.getByRole("combobox", { name: "Search the help center" }));
    await page.keyboard.type("pasword reset");
    await expect(page.getByRole("option").first()).toContainText(/Reset .*password/i);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/search?q=pasword+reset");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “pasword reset”");
  });

  test("a keyboard user can rate an article", async ({ page }) => {
    await page.goto("/articles/mx-records");
    const normal = page.getByRole("button", { name: "Normal" });
    // The buttons take no input until the visitor's earlier vote, if any, has loaded.
    await expect(normal).toBeEnabled();
    await normal.focus();
    await page.keyboard.press("Enter");
    await expect(normal).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Sad" })).toBeFocused();
  });
});
