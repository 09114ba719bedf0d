// The Languages panel and the per-language scores as staff read them: each state in words (not
// colour only), the links to edit and view each translation, and a button for each missing one.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { ArticleLanguages, LanguageEntry } from "@/lib/articles/translations";
import { summarise } from "@/lib/staff/feedback-insights";
import { noRatings } from "@/lib/feedback/score";

// The button's server action only matters in the browser.
vi.mock("@/components/translations/actions", () => ({ createTranslationFormAction: async () => null }));

const { LanguagesPanel, TranslationOf } = await import("@/components/translations/languages-panel");
const { LanguageScores } = await import("@/components/translations/language-scores");

function entry(overrides: Partial<LanguageEntry>): LanguageEntry {
  return {
    locale: "en",
    languageName: "English",
    isSource: false,
    id: null,
    slug: null,
    title: null,
    state: "missing",
    deleted: false,
    published: false,
    publishedAt: null,
    outdated: false,
    ratings: summarise(noRatings()),
    ...overrides,
  };
}

const english = entry({
  isSource: true,
  id: "src1",
  slug: "reset-password",
  title: "Reset your password",
  state: "published",
  published: true,
  publishedAt: new Date("2026-11-02T10:00:00Z"),
  ratings: summarise({ happy: 3, normal: 0, sad: 1 }),
});

function languages(german: Partial<LanguageEntry>, articleId = "src1"): ArticleLanguages {
  return {
    article: { id: articleId, locale: articleId === "src1" ? "en" : "de", isTranslation: articleId !== "src1" },
    source: { id: "src1", slug: "reset-password", title: "Reset your password", locale: "en" },
    languages: [english, entry({ locale: "de", languageName: "Deutsch", ...german })],
  };
}

describe("Languages panel", () => {
  it("offers to translate a missing language", () => {
    const html = renderToStaticMarkup(<LanguagesPanel data={languages({})} />);
    expect(html).toContain('aria-labelledby="languages-heading"');
    expect(html).toContain("Not translated");
    expect(html).toContain("Translate into Deutsch");
    expect(html).toMatch(/<input type="hidden" name="sourceId" value="src1"\/>/);
    expect(html).toMatch(/<input type="hidden" name="locale" value="de"\/>/);
  });

  it("marks an outdated translation in words, with links to edit and view it in its language", () => {
    const html = renderToStaticMarkup(
      <LanguagesPanel
        data={languages({
          id: "de1",
          slug: "reset-password-de",
          title: "Passwort zurücksetzen",
          state: "published",
          published: true,
          outdated: true,
          publishedAt: new Date("2026-11-01T10:00:00Z"),
          ratings: summarise({ happy: 1, normal: 1, sad: 0 }),
        })}
      />,
    );
    expect(html).toContain(">Outdated<");
    expect(html).toContain("the source has been published since");
    expect(html).toContain('href="/staff/articles/de1"');
    expect(html).toContain('href="/de/articles/reset-password-de"');
    expect(html).toContain('href="/articles/reset-password"');
    expect(html).not.toContain("Translate into");
    // English 75 from 4 ratings, German 75 from 2.
    expect(html).toContain("4 ratings");
    expect(html).toContain("2 ratings");
  });

  it("says Draft for an unpublished translation, without a link to the site", () => {
    const html = renderToStaticMarkup(<LanguagesPanel data={languages({ id: "de1", slug: "reset-password-de", title: "Passwort", state: "draft" })} />);
    expect(html).toContain(">Draft<");
    expect(html).not.toContain("/de/articles/");
  });

  it("names a translation's source, with a link back", () => {
    const data = languages({ id: "de1", slug: "reset-password-de", state: "draft" }, "de1");
    const html = renderToStaticMarkup(<TranslationOf data={data} />);
    expect(html).toMatch(/>Translation of <a [^>]*href="\/staff\/articles\/src1">Reset your password<\/a> \(English\)<\/p>/);
    expect(renderToStaticMarkup(<TranslationOf data={languages({})} />)).toBe("");
  });

  it("compares each language's score and votes side by side", () => {
    const html = renderToStaticMarkup(
      <LanguageScores
        data={languages({ id: "de1", slug: "reset-password-de", state: "published", published: true, ratings: summarise({ happy: 0, normal: 1, sad: 1 }) })}
      />,
    );
    expect(html).toContain("Score and ratings per language");
    expect(html).toMatch(/English.*75.*Deutsch.*25/s);
  });
});
