"use client";

// Which of the search box's queries are final, for the staff's search insights (record-search.ts):
// opening a result, leaving the box, Escape, or a pause with results showing. Enter without a
// choice goes to /search, which records there.
import { useEffect } from "react";
import { recordOpen, recordSearch } from "./record-search";
import type { useInstantSearch } from "./use-instant-search";

/** Typing stopped this long with results showing: the person is reading them, the query is final. */
const SETTLED_MS = 2000;

/** `locale`: the page's language, recorded with each search. */
export function useSearchRecording(search: ReturnType<typeof useInstantSearch>, panelShown: boolean, locale?: string) {
  const { state, query, results, latestQuery, shownFor } = search;

  useEffect(() => {
    if (!panelShown || state !== "ready" || shownFor() !== query) return;
    const timer = setTimeout(() => recordSearch(query, results.length, locale), SETTLED_MS);
    return () => clearTimeout(timer);
  }, [panelShown, state, query, results, shownFor, locale]);

  return {
    /** The results on screen were seen: record their query, unless it is already. */
    recordShown() {
      if (state === "ready" && shownFor() === latestQuery()) recordSearch(latestQuery(), results.length, locale);
    },
    /** A result was opened. */
    recordOpened(slug: string) {
      recordOpen(shownFor() ?? latestQuery(), results.length, slug, locale);
    },
  };
}
