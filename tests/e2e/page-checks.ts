// One accessibility and layout check for the staff specs: axe finds no WCAG 2.1 A/AA violation, and
// the page does not scroll sideways at desktop or phone width. Screenshots of both widths go into
// the report, for a person to look at.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

const WIDTHS = [
  ["desktop", 1280],
  ["phone", 390],
] as const;

export async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const original = page.viewportSize();
  for (const [label, width] of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `sideways scrolling at ${width}px`).toBeLessThanOrEqual(0);
    await test.info().attach(`${name}-${label}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
  if (original) await page.setViewportSize(original);
}
