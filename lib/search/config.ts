// Where instant search runs, decided on the server from the size of the index.
//
// Measured (docs/benchmarks.md, 2 cores, Chromium 156): with article bodies, a 10,000-article index
// stored by slug is 1.49 MB gzip; the worker downloads and decodes it without blocking the main
// thread, then answers a keystroke within a frame (p95 13.5 ms). The wait until the first answer
// grows with the index; past CLIENT_INDEX_MAX_GZIP_BYTES (about 13,000 articles of that shape) each
// keystroke goes to /api/search, which ranks with the same engine. SEARCH_CLIENT_INDEX_MAX_BYTES overrides it
// (lib/env.ts): lower for slow devices or networks, higher when the first answer may take longer.
export const CLIENT_INDEX_MAX_GZIP_BYTES = 2_000_000;

export type SearchSource = { mode: "client"; indexUrl: string } | { mode: "server" };

/**
 * The cookie (its name without the __Host- prefix it has over HTTPS) that signing in sets beside the
 * staff session, readable by scripts: the search box then asks /api/staff/search, which checks the
 * session itself (lib/auth/cookies.ts).
 */
export const STAFF_SEARCH_HINT = "hc_staff_hint";

/** The longest query accepted (shared by the search box and lib/search/query.ts). */
export const SEARCH_QUERY_MAX = 200;

/**
 * Client mode with this index, or server mode when the index is too big to download.
 * `maxGzipBytes` is the configured limit (env.SEARCH_CLIENT_INDEX_MAX_BYTES on the server).
 */
export function chooseSearchSource(gzipBytes: number, indexUrl: string, maxGzipBytes = CLIENT_INDEX_MAX_GZIP_BYTES): SearchSource {
  return gzipBytes <= maxGzipBytes ? { mode: "client", indexUrl } : { mode: "server" };
}

/** The results page for a query; `literal` searches the words exactly as typed (no typo correction). */
export function searchPageHref(query: string, { literal = false }: { literal?: boolean } = {}): string {
  return `/search?q=${encodeURIComponent(query.trim())}${literal ? "&literal=1" : ""}`;
}
