// A search result as the search box and the results page show it, in the page's language.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ClientTextProvider } from "@/components/i18n/client-text";
import { CorrectionNotice, SearchResultText } from "@/components/search/highlighted";
import { type ClientMessages, clientMessages } from "@/lib/i18n/messages";
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

let german: ClientMessages;
let english: ClientMessages;
beforeAll(async () => {
  [german, english] = await Promise.all([clientMessages("de"), clientMessages("en")]);
});

/** Rendered on a page in `locale`, as the customer layout gives its strings. */
const onPage = (locale: "de" | "en", node: ReactNode) =>
  renderToStaticMarkup(
    <ClientTextProvider
      locale={locale}
      tag={locale === "de" ? "de-DE" : "en-AU"}
      prefix={locale === "de" ? "/de" : ""}
      text={locale === "de" ? german : english}
    >
      {node}
    </ClientTextProvider>,
  );

describe("a search result's text", () => {
  it("marks matched words with the keys of the page's language", () => {
    const html = onPage("de", <SearchResultText result={result({ matchedTerms: ["passwor"] })} titleClassName="" locale="de" />);
    expect(html).toContain("<mark>Passwörter</mark> ändern");
    expect(html).not.toContain("data-result-language");
  });

  it("marks an article standing in from another language, in the page's words", () => {
    const fallback = result({
      slug: "reset-password",
      title: "Reset your password",
      matchedTerms: ["password"],
      language: "en",
      snippet: "Choose a new password.",
    });
    const html = onPage("de", <SearchResultText result={fallback} titleClassName="" locale="de" />);
    expect(html).toContain("<mark>password</mark>");
    expect(html).toMatch(/data-result-language="en"[^>]*>Auf Englisch</);
    expect(html).toContain("Aus dem Artikel:");
  });

  it("links the words as typed to the results page of the page's language", () => {
    expect(onPage("de", <CorrectionNotice query="pasword" correctedQuery="passwort" locale="de" />)).toContain('href="/de/search?q=pasword&amp;literal=1"');
    const english = onPage("en", <CorrectionNotice query="pasword" correctedQuery="password" />);
    expect(english).toContain('href="/search?q=pasword&amp;literal=1"');
    expect(english).toContain("Showing results for");
  });
});
