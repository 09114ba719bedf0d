// A German customer: the home page, search, a translated article, a rating and an article not yet
// translated, all in German, and the switcher between the languages. The German articles come from
// the content library (content/articles/<category>/<slug>.de.mdx).
import { expect, feedbackFor, test } from "./fixtures";

const IMAP_EN = "the-difference-between-imap-and-pop";
const IMAP_DE = "imap-oder-pop";
const MAILBOX_DE = "postfach-voll";
/** An email article with no German translation: German pages show it in English, marked. */
const UNTRANSLATED = "reset-an-email-password";

test.describe("a German customer", () => {
  test("searches, reads and rates a German article, in German", async ({ page, db }) => {
    await page.goto("/de");
    await expect(page.locator("html")).toHaveAttribute("lang", "de-DE");
    await expect(page.getByRole("heading", { level: 1, name: "Wie können wir helfen?" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^E-Mail/ })).toHaveAttribute("href", "/de/categories/email");

    const search = page.getByRole("combobox", { name: "Im Hilfe-Center suchen" });
    await search.pressSequentially("postfach voll");
    const results = page.getByRole("listbox", { name: "Passende Artikel" });
    await expect(results.getByRole("option").first()).toContainText("Postfach voll");
    await results.getByRole("option").first().click();

    await expect(page).toHaveURL(`/de/articles/${MAILBOX_DE}`);
    const article = page.getByRole("article");
    await expect(article.getByRole("heading", { level: 1 })).toHaveText("Postfach voll");
    await expect(page.getByRole("navigation", { name: "Brotkrümelnavigation" })).toContainText("Startseite›E-Mail›Postfach voll");
    await expect(page.getByText(/Zuletzt aktualisiert am \d+\. \w+ 2026/)).toBeVisible();
    await expect(page.locator("[data-language-notice]")).toHaveCount(0);

    const happy = page.getByRole("button", { name: "Zufrieden", exact: true });
    await happy.click();
    await expect(happy).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("status").filter({ hasText: "Danke für Ihr Feedback" })).toBeVisible();
    // The vote belongs to the German translation: each language has its own ratings.
    const visitor = (await page.context().cookies()).find((cookie) => cookie.name === "hc_visitor");
    expect((await feedbackFor(db, MAILBOX_DE)).filter((f) => f.visitorId === visitor?.value)).toEqual([
      { rating: "happy", comments: [], visitorId: visitor!.value },
    ]);
  });

  test("meets an article not yet in German: listed in its category marked English, readable with a notice", async ({ page }) => {
    await page.goto("/de/categories/email");
    await expect(page.getByRole("heading", { level: 1, name: "E-Mail" })).toBeVisible();
    // Translated articles in German, the others in English with their language named.
    const list = page.getByRole("main");
    await expect(list.getByRole("link", { name: /^Der Unterschied zwischen IMAP und POP/ })).toHaveAttribute("href", `/de/articles/${IMAP_DE}`);
    const fallback = list.getByRole("link", { name: /^Reset an email password\s*Auf Englisch/ });
    await expect(fallback).toHaveAttribute("href", `/de/articles/${UNTRANSLATED}`);
    await expect(fallback.locator("[lang='en-AU']").first()).toBeVisible();

    await fallback.click();
    await expect(page).toHaveURL(`/de/articles/${UNTRANSLATED}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "de-DE");
    await expect(page.getByRole("note").first()).toHaveText(/^Dieser Artikel ist noch nicht auf Deutsch verfügbar/);
    // Its notes keep their English headings: they are part of its text.
    await expect(page.getByRole("note", { name: "Tip" })).toBeVisible();
    await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toHaveText("Reset an email password");
    // The page around it stays German; the article's own text says it is English.
    await expect(page.getByRole("navigation", { name: "Brotkrümelnavigation" })).toContainText("Startseite›E-Mail");
    await expect(page.getByRole("article").locator("[lang='en-AU']").first()).toBeVisible();
    // Search engines are pointed at the English original, not at a copy under /de.
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/articles/${UNTRANSLATED}$`));
  });

  test("finds an untranslated article through the German search, marked as English", async ({ page }) => {
    await page.goto("/de");
    await page.getByRole("combobox", { name: "Im Hilfe-Center suchen" }).pressSequentially("reset email password");
    const option = page.getByRole("listbox", { name: "Passende Artikel" }).getByRole("option", { name: /^Reset an email password/ });
    await expect(option).toContainText("Auf Englisch");
    await option.click();
    await expect(page).toHaveURL(`/de/articles/${UNTRANSLATED}`);
  });

  test("each version names the others for search engines, and the switcher goes between them and is remembered", async ({ page }) => {
    await page.goto(`/articles/${IMAP_EN}`);
    await expect(page.locator('link[rel="alternate"][hreflang="de-DE"]')).toHaveAttribute("href", new RegExp(`/de/articles/${IMAP_DE}$`));
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute("href", new RegExp(`/articles/${IMAP_EN}$`));

    const switcher = page.locator("[data-language-switcher]");
    await switcher.getByLabel("Language: English").click();
    await switcher.getByRole("link", { name: "Deutsch" }).click();
    await expect(page).toHaveURL(`/de/articles/${IMAP_DE}`);
    await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toHaveText("Der Unterschied zwischen IMAP und POP");

    // Chosen once, German is where the home page starts.
    await page.goto("/");
    await expect(page).toHaveURL("/de");
    await expect(page.getByRole("heading", { level: 1, name: "Wie können wir helfen?" })).toBeVisible();

    // And back: the English article, and the English home page from then on.
    await page.goto(`/de/articles/${IMAP_DE}`);
    await switcher.getByLabel("Sprache: Deutsch").click();
    await switcher.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(`/articles/${IMAP_EN}`);
    await page.goto("/");
    await expect(page).toHaveURL("/");
  });

  test("old and wrong addresses lead to the right language's page", async ({ request }) => {
    // The default language has no prefix of its own.
    const prefixed = await request.get(`/en/articles/${IMAP_EN}`, { maxRedirects: 0 });
    expect(prefixed.status()).toBe(308);
    expect(prefixed.headers().location).toMatch(new RegExp(`/articles/${IMAP_EN}$`));
    // An English address under /de goes to the German translation.
    const source = await request.get(`/de/articles/${IMAP_EN}`, { maxRedirects: 0 });
    expect(source.status()).toBe(308);
    expect(source.headers().location).toMatch(new RegExp(`/de/articles/${IMAP_DE}$`));
    // A German slug without the prefix: the page in the language asked for, English.
    const translated = await request.get(`/articles/${IMAP_DE}`, { maxRedirects: 0 });
    expect(translated.status()).toBe(308);
    expect(translated.headers().location).toMatch(new RegExp(`/articles/${IMAP_EN}$`));
    // Unknown German addresses get the German 404.
    const missing = await request.get("/de/articles/gibt-es-nicht");
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toContain('lang="de-DE"');
  });
});
