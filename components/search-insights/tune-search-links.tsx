import Link from "next/link";

const linkClass = "font-medium whitespace-nowrap text-brand-700 underline hover:text-brand-800";

const addSynonymHref = (query: string) => `/staff/search-tuning?synonym=${encodeURIComponent(`${query} = `)}#synonyms`;
const pinAnswerHref = (query: string) => `/staff/search-tuning?pin=${encodeURIComponent(query)}#pins`;

/** "Add a synonym" and "Pin an answer" for a query that found nothing or whose results nobody opened. */
export function TuneSearchLinks({ query }: { query: string }) {
  return (
    <>
      <Link href={addSynonymHref(query)} aria-label={`Add a synonym for: ${query}`} className={linkClass}>
        Add a synonym
      </Link>
      <Link href={pinAnswerHref(query)} aria-label={`Pin an answer for: ${query}`} className={linkClass}>
        Pin an answer
      </Link>
    </>
  );
}
