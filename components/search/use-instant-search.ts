"use client";

// Instant search's data: the query as typed, and the answer for it once it arrives. Answers come
// back out of order (the worker, or /api/search); only the one for the latest query is shown.
import { useCallback, useMemo, useRef, useState } from "react";
import type { SearchResult } from "@/lib/search/engine";
import type { SearchSource } from "@/lib/search/config";
import { search } from "./search-client";

export type InstantSearchState = "idle" | "loading" | "ready" | "error";

/** `locale`: the page's language, whose index is searched (search-client.ts). */
export function useInstantSearch(source: SearchSource, defaultQuery: string, limit = 8, locale?: string) {
  const latestQuery = useRef(defaultQuery);
  /** The query the results on screen belong to (they lag behind typing). */
  const shownFor = useRef<string | null>(null);
  const [query, setQuery] = useState(defaultQuery);
  const [results, setResults] = useState<SearchResult[]>([]);
  const [correctedQuery, setCorrectedQuery] = useState<string | null>(null);
  const [state, setState] = useState<InstantSearchState>("idle");

  /** Shows `value` in the box and asks for its results; calls `onAnswer` when they are shown. */
  const type = useCallback(
    (value: string, onAnswer?: () => void) => {
      setQuery(value);
      latestQuery.current = value;
      if (!value.trim()) {
        setResults([]);
        setCorrectedQuery(null);
        onAnswer?.();
        return;
      }
      setState((s) => (s === "ready" ? s : "loading"));
      search(source, value, limit, locale).then(
        (answer) => {
          if (latestQuery.current !== value) return;
          shownFor.current = value;
          setState("ready");
          setResults(answer.results);
          setCorrectedQuery(answer.correctedQuery);
          onAnswer?.();
        },
        (error: Error) => {
          if (error.name !== "AbortError" && latestQuery.current === value) setState("error");
        },
      );
    },
    [source, limit, locale],
  );

  // Stable across renders, so effects can depend on them.
  const read = useMemo(
    () => ({
      /** The latest query typed. */
      latestQuery: () => latestQuery.current,
      /** The query the results on screen are the answer to, if any. */
      shownFor: () => shownFor.current,
    }),
    [],
  );

  return { query, results, correctedQuery, state, type, ...read };
}
