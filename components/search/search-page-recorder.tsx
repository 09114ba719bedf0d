"use client";

import { useEffect } from "react";
import { recordOpen, recordSearch } from "./record-search";

/**
 * Records the /search page's query once, and which of its results (the links inside
 * [data-search-results]) was opened. Done in the browser rather than while rendering: reloads,
 * back/forward, link previews and crawlers render the page without anyone searching, and only the
 * browser knows which result was opened. Visitors without JavaScript are not counted.
 */
export function SearchPageRecorder({ query, resultCount }: { query: string; resultCount: number }) {
  useEffect(() => {
    recordSearch(query, resultCount);
    function onClick(event: MouseEvent) {
      const href = (event.target as Element | null)?.closest?.("[data-search-results] a")?.getAttribute("href");
      const slug = href?.match(/^\/articles\/([^/?#]+)/)?.[1];
      if (slug) recordOpen(query, resultCount, slug);
    }
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [query, resultCount]);
  return null;
}
