// How the pages fit the reader: the brand's colours and language, the system's light or dark theme,
// a theme switch that is remembered and never lets a page paint the wrong theme first, and articles
// that print as the article alone. (Contrast in dark mode is checked by axe with every page check:
// page-checks.ts.)
import { createHash } from "node:crypto";
import type { Page } from "@playwright/test";
import { siteConfig } from "../../lib/site-config";
import { expect, test } from "./staff-fixtures";

const IMAP = "/articles/the-difference-between-imap-and-pop";

/** Relative luminance (0 black … 1 white) of a colour property of an element, as drawn. */
function luminance(page: Page, selector: string, property: "backgroundColor" | "color") {
  return page
    .locator(selector)
    .first()
    .evaluate((element, name) => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const context = canvas.getContext("2d")!;
      context.fillStyle = getComputedStyle(element)[name];
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = [...context.getImageData(0, 0, 1, 1).data].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    }, property);
}

const pageLuminance = (page: Page) => luminance(page, "body", "backgroundColor");

test.describe("dark mode", () => {
  test("follows the system's setting, also when it changes while the page is open @mobile", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(IMAP);
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    expect(await pageLuminance(page)).toBeLessThan(0.05);
    await page.emulateMedia({ colorScheme: "light" });
    await expect(page.locator("html")).toHaveClass(/\blight\b/);
    expect(await pageLuminance(page)).toBeGreaterThan(0.8);
  });

  test("the switch steps through System, Light and Dark, and the choice is remembered without a flash of the other theme", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    const themeSwitch = page.getByRole("button", { name: /^Theme: / });
    await expect(themeSwitch).toHaveAccessibleName("Theme: System");
    await themeSwitch.click();
    await expect(themeSwitch).toHaveAccessibleName("Theme: Light");
    await expect(page.locator("html")).toHaveClass(/\blight\b/);
    await themeSwitch.click();
    await expect(themeSwitch).toHaveAccessibleName("Theme: Dark");
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    expect(await pageLuminance(page)).toBeLessThan(0.05);

    // Another page, with every script of the app refused: only the little script in the head runs,
    // before anything is painted, and the page is dark from the start.
    await page.route("**/_next/static/**", (route) => (route.request().resourceType() === "script" ? route.abort() : route.continue()));
    const response = await page.goto(IMAP);
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    expect(await pageLuminance(page)).toBeLessThan(0.05);
    // That script is in the head, and npm start's server lists its hash in the page's
    // Content-Security-Policy, so the browser lets it run.
    const script = await page
      .locator("head script:not([src])")
      .evaluateAll((scripts) => scripts.find((s) => s.textContent?.includes("prefers-color-scheme"))?.textContent);
    expect(script).toBeTruthy();
    const hash = `sha256-${createHash("sha256").update(script!, "utf8").digest("base64")}`;
    expect(response!.headers()["content-security-policy"]).toContain(`'${hash}'`);
    await page.unroute("**/_next/static/**");

    // A later visit: the choice holds; one more step goes back to following the system (light here).
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/contact");
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await expect(themeSwitch).toHaveAccessibleName("Theme: Dark");
    await themeSwitch.click();
    await expect(themeSwitch).toHaveAccessibleName("Theme: System");
    await expect(page.locator("html")).toHaveClass(/\blight\b/);
    expect(await page.evaluate(() => localStorage.getItem("theme"))).toBeNull();
    expect(violations).toEqual([]);
  });
});

test.describe("dark mode without JavaScript", () => {
  test.use({ javaScriptEnabled: false, colorScheme: "dark" });

  test("follows the system's setting, and offers no switch that could not work", async ({ page }) => {
    await page.goto(IMAP);
    expect(await pageLuminance(page)).toBeLessThan(0.05);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Theme: / })).toBeHidden();
  });
});

test.describe("printing an article", () => {
  test("prints the article alone, in light colours, with where each link goes, on fewer pages than before", async ({ page }) => {
    // Dark on screen: paper is always light.
    await page.addInitScript(() => localStorage.setItem("theme", "dark"));
    await page.goto(IMAP);
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await page.emulateMedia({ media: "print" });

    await expect(page.getByRole("heading", { level: 1, name: "The difference between IMAP and POP" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
    for (const hidden of [
      page.getByRole("banner"),
      page.getByRole("combobox", { name: "Search the help center" }),
      page.getByRole("navigation", { name: "Breadcrumb" }),
      page.getByRole("navigation", { name: "On this page" }),
      page.getByRole("button", { name: "Happy" }),
      page.getByRole("region", { name: "Still need help?" }),
      page.getByRole("contentinfo"),
    ]) {
      await expect(hidden).toBeHidden();
    }
    // Dark text, as on paper (backgrounds are not printed).
    expect(await luminance(page, ".prose p", "color")).toBeLessThan(0.2);
    expect(await luminance(page, "h1", "color")).toBeLessThan(0.2);

    const link = page.locator(".prose a", { hasText: "Email client settings" }).first();
    expect(await link.evaluate((a) => getComputedStyle(a, "::after").content)).toBe('" (/articles/email-client-settings)"');

    // Before this, the article took 5 pages (US Letter), with the header, search box and rating in them.
    const pdf = await page.pdf();
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThan(5);
  });
});

test.describe("the brand", () => {
  test("its colour and locale (lib/site-config.ts) reach customer and staff pages alike", async ({ page, editorPage }) => {
    const [r, g, b] = (siteConfig.colours.brand[700].match(/[0-9a-f]{2}/gi) ?? []).map((hex) => parseInt(hex, 16));
    const pages = [
      { page, url: "/contact", button: "Send message" },
      { page: editorPage, url: "/staff/articles/new", button: "Create and open the editor" },
    ];
    for (const { page: p, url, button } of pages) {
      await p.emulateMedia({ colorScheme: "light" });
      await p.goto(url);
      await expect(p.locator("html")).toHaveAttribute("lang", siteConfig.languages[0].locale);
      await expect(p.getByRole("button", { name: button })).toHaveCSS("background-color", `rgb(${r}, ${g}, ${b})`);
    }
  });
});
