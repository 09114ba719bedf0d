import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatDateTime, formatLongDate } from "@/lib/format";
import { articleValue, brandColourProperties, siteConfig } from "@/lib/site-config";

describe("the brand, in one place", () => {
  it("gives articles the same company and contact details as the pages", () => {
    expect(articleValue("company")).toBe(siteConfig.company);
    expect(articleValue("supportEmail")).toBe(siteConfig.support.email);
    expect(articleValue("supportHours")).toBe(siteConfig.support.hours);
    expect(articleValue("supportPhone")).toBe(siteConfig.support.phone);
  });

  it("writes every step of the brand colour as a CSS custom property", () => {
    const properties = brandColourProperties();
    for (const [step, colour] of Object.entries(siteConfig.colours.brand)) expect(properties).toContain(`--brand-${step}:${colour}`);
    expect(properties.split(";")).toHaveLength(11);
  });

  it("writes dates and numbers in the brand's locale", () => {
    const date = new Date("2026-11-03T14:05:00Z");
    expect(siteConfig.languages[0].locale).toBe("en-AU");
    expect(formatLongDate(date)).toBe(new Intl.DateTimeFormat("en-AU", { dateStyle: "long", timeZone: "UTC" }).format(date));
    expect(formatLongDate(date)).toBe("3 November 2026");
    expect(formatDate(date)).toBe("3 Nov 2026");
    expect(formatDateTime(date)).toBe("3 Nov 2026, 14:05 UTC");
    // A German customer page writes the same day its own way.
    expect(formatLongDate(date, "de")).toBe("3. November 2026");
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});
