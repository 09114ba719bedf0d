// One accessibility and layout check for the staff specs: axe finds no WCAG 2.1 A/AA violation in
// either theme, and the page does not scroll sideways at desktop or phone width. Screenshots of
// both widths go into the report, for a person to look at.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

/** One of each kind of customer page; the accessibility and HTML validity specs check them all. */
export const CUSTOMER_PAGES = [
  "/",
  "/categories/email",
  "/articles/the-difference-between-imap-and-pop",
  "/search?q=imap",
  "/contact?article=mailbox-full",
  "/contact/sent",
  "/articles/nope",
];

const WIDTHS = [
  ["desktop", 1280],
  ["phone", 390],
] as const;

/**
 * axe finds no WCAG 2.1 A/AA violation in the light theme nor in the dark one (the page follows the
 * system's setting, emulated here), contrast included.
 */
export async function expectNoAxeViolations(page: Page) {
  for (const scheme of ["dark", "light"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${scheme}\\b`));
    // Colours that change with the theme may be mid-transition (150 ms): let those finish first.
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a instanceof CSSTransition)
          .map((a) => a.finished.catch(() => undefined)),
      ),
    );
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `axe in the ${scheme} theme`,
    ).toEqual([]);
  }
}

export async function expectAccessible(page: Page, name: string) {
  await expectNoAxeViolations(page);
  const original = page.viewportSize();
  for (const [label, width] of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      `sideways scrolling at ${width}px`,
    ).toBeLessThanOrEqual(0);
    await test.info().attach(`${name}-${label}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
  if (original) await page.setViewportSize(original);
}
