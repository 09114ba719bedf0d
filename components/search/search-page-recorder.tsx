"use client";

import { useEffect } from "react";
import { recordOpen, recordSearch } from "./record-search";

/** The slug of a result link: /articles/<slug>, or /de/articles/<slug> on a page in another language. */
const RESULT_HREF = /^(?:\/[a-z]{2}(?:-[a-z0-9]{2,8})?)?\/articles\/([^/?#]+)/;

/**
 * Records the /search page's query once, and which of its results (the links inside
 * [data-search-results]) was opened. Done in the browser rather than while rendering: reloads,
 * back/forward, link previews and crawlers render the page without anyone searching, and only the
 * browser knows which result was opened. Visitors without JavaScript are not counted.
 */
export function SearchPageRecorder({ query, resultCount, locale }: { query: string; resultCount: number; locale?: string }) {
  useEffect(() => {
    recordSearch(query, resultCount, locale);
    function onClick(event: MouseEvent) {
      const href = (event.target as Element | null)?.closest?.("[data-search-results] a")?.getAttribute("href");
      const slug = href?.match(RESULT_HREF)?.[1];
      if (slug) recordOpen(query, resultCount, slug, locale);
    }
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [query, resultCount, locale]);
  return null;
}
