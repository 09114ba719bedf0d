import type { SearchResult } from "@/lib/search/engine";
import { highlightParts } from "@/lib/search/highlight";

export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightParts(text, terms).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}

/** A search result's title, category and description with the matched words marked. */
export function SearchResultText({ result, titleClassName }: { result: SearchResult; titleClassName: string }) {
  return (
    <>
      <span className={`block font-medium ${titleClassName}`}>
        <Highlighted text={result.title} terms={result.matchedTerms} />
      </span>
      <span className="mt-1 block text-sm text-slate-600">
        <span className="font-medium text-brand-800">{result.category}</span> ·{" "}
        <Highlighted text={result.description} terms={result.matchedTerms} />
      </span>
    </>
  );
}
