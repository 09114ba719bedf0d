"use client";

// A client component for its words (the page's language): the search box shows these, and so does
// the /search page, its results passed in as they are.
import Link from "next/link";
import { FillText, useClientText, usePageLocale } from "@/components/i18n/client-text";
import { fillText } from "@/lib/i18n/fill-text";
import type { SearchResult } from "@/lib/search/engine";
import { highlightParts } from "@/lib/search/highlight";
import { searchPageHref } from "@/lib/search/config";
import { languageNameIn, localePath } from "@/lib/i18n/locales";

function Highlighted({ text, terms, language }: { text: string; terms: readonly string[]; language?: string }) {
  return <>{highlightParts(text, terms, language).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

/**
 * A search result's title, category and, with the matched words marked, the passage of the body
 * that matched (when the title and description do not show why it matched) or the description.
 * `locale`: the language of the index searched (the page's), whose words are marked; an article
 * standing in from another language (`result.language`) is marked with `languageLabel` of its
 * language (by default the language's name, "English").
 */
export function SearchResultText({
  result,
  titleClassName,
  locale,
  languageLabel,
}: {
  result: SearchResult;
  titleClassName: string;
  locale?: string;
  languageLabel?: (language: string) => string;
}) {
  const language = result.language ?? locale;
  const text = useClientText("SearchBox");
  const pageLocale = usePageLocale();
  // "Auf Englisch": the other language named in the page's.
  const label = languageLabel ?? ((code: string) => fillText(text.resultLanguage, { language: languageNameIn(pageLocale, code) }));
  return (
    <>
      <span className={`block font-medium ${titleClassName}`}>
        <Highlighted text={result.title} terms={result.matchedTerms} language={language} />
        {result.language && (
          <span
            data-result-language={result.language}
            className="ml-2 inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 align-middle text-xs font-medium text-slate-700 ring-1 ring-slate-300 ring-inset"
          >
            {label(result.language)}
          </span>
        )}
        {result.internal && (
          <span
            data-internal-result
            className="ml-2 inline-flex items-center rounded-full bg-amber-50 px-2 py-0.5 align-middle text-xs font-medium text-amber-900 ring-1 ring-amber-300 ring-inset"
          >
            {text.internal}
            <span className="sr-only"> {text.internalNote}</span>
          </span>
        )}
      </span>
      <span className="mt-1 block text-sm text-slate-600">
        <span className="font-medium text-brand-800">{result.category}</span> ·{" "}
        {result.snippet ? (
          <span data-snippet>
            <span className="sr-only">{text.fromArticle} </span>
            <Highlighted text={result.snippet} terms={result.matchedTerms} language={language} />
          </span>
        ) : (
          <Highlighted text={result.description} terms={result.matchedTerms} language={language} />
        )}
      </span>
    </>
  );
}

/** "Showing results for password. Search instead for pasword." — the second link searches the words as typed. */
export function CorrectionNotice({
  query,
  correctedQuery,
  className = "",
  locale,
}: {
  query: string;
  correctedQuery: string;
  className?: string;
  /** The results page's language (the default language's when not given). */
  locale?: string;
}) {
  const text = useClientText("SearchBox");
  return (
    <p data-correction className={className}>
      <FillText
        template={text.correction}
        values={{
          corrected: (
            <strong className="font-semibold text-slate-900">
              <em>{correctedQuery}</em>
            </strong>
          ),
          original: (
            <Link
              href={locale ? localePath(locale, searchPageHref(query, { literal: true })) : searchPageHref(query, { literal: true })}
              prefetch={false}
              className="font-medium text-brand-700 underline"
            >
              {query.trim()}
            </Link>
          ),
        }}
      />
    </p>
  );
}
