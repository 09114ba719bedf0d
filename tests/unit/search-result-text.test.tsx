// A search result as the search box and the results page show it, in the page's language.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CorrectionNotice, SearchResultText } from "@/components/search/highlighted";
import type { SearchResult } from "@/lib/search/engine";

const result = (fields: Partial<SearchResult>): SearchResult => ({
  slug: "passwort-aendern",
  title: "Passwörter ändern",
  description: "So geht es.",
  category: "Konto",
  score: 1,
  matchedTerms: [],
  snippet: null,
  ...fields,
});

describe("a search result's text", () => {
  it("marks matched words with the keys of the page's language", () => {
    const html = renderToStaticMarkup(<SearchResultText result={result({ matchedTerms: ["passwor"] })} titleClassName="" locale="de" />);
    expect(html).toContain("<mark>Passwörter</mark> ändern");
    expect(html).not.toContain("data-result-language");
  });

  it("marks an article standing in from another language, with the page's words for it", () => {
    const fallback = result({ slug: "reset-password", title: "Reset your password", matchedTerms: ["password"], language: "en" });
    const html = renderToStaticMarkup(<SearchResultText result={fallback} titleClassName="" locale="de" languageLabel={() => "Auf Englisch"} />);
    expect(html).toContain("<mark>password</mark>");
    expect(html).toMatch(/data-result-language="en"[^>]*>Auf Englisch</);
    // Without the page's words: the language's own name.
    expect(renderToStaticMarkup(<SearchResultText result={fallback} titleClassName="" />)).toMatch(/data-result-language="en"[^>]*>English</);
  });

  it("links the words as typed to the results page of the page's language", () => {
    expect(renderToStaticMarkup(<CorrectionNotice query="pasword" correctedQuery="passwort" locale="de" />)).toContain(
      'href="/de/search?q=pasword&amp;literal=1"',
    );
    expect(renderToStaticMarkup(<CorrectionNotice query="pasword" correctedQuery="password" />)).toContain('href="/search?q=pasword&amp;literal=1"');
  });
});
