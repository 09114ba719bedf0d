"use client";

// A client component for its words (the page's language): the search box shows these, and so does
// the /search page, its results passed in as they are.
import Link from "next/link";
import { FillText, useClientText } from "@/components/i18n/client-text";
import type { SearchResult } from "@/lib/search/engine";
import { highlightParts } from "@/lib/search/highlight";
import { searchPageHref } from "@/lib/search/config";

function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  return <>{highlightParts(text, terms).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

/**
 * A search result's title, category and, with the matched words marked, the passage of the body
 * that matched (when the title and description do not show why it matched) or the description.
 */
export function SearchResultText({ result, titleClassName }: { result: SearchResult; titleClassName: string }) {
  const text = useClientText("SearchBox");
  return (
    <>
      <span className={`block font-medium ${titleClassName}`}>
        <Highlighted text={result.title} terms={result.matchedTerms} />
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
            <Highlighted text={result.snippet} terms={result.matchedTerms} />
          </span>
        ) : (
          <Highlighted text={result.description} terms={result.matchedTerms} />
        )}
      </span>
    </>
  );
}

/** "Showing results for password. Search instead for pasword." — the second link searches the words as typed. */
export function CorrectionNotice({ query, correctedQuery, className = "" }: { query: string; correctedQuery: string; className?: string }) {
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
            <Link href={searchPageHref(query, { literal: true })} prefetch={false} className="font-medium text-brand-700 underline">
              {query.trim()}
            </Link>
          ),
        }}
      />
    </p>
  );
}
