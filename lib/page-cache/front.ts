// A page cache in front of Next.js, in the same process (scripts/start.ts).
//
// Why: a page that Next already has in its own cache still costs ~1 ms of CPU a request in Next's
// routing and rendering pipeline, which held the article page to ~25 % of what a static file
// server does on the same machine (docs/benchmarks.md). Pages that Next marks as shareable
// (`s-maxage`) are kept here, as a CDN would keep them, and sent from memory; everything else goes
// to Next untouched, in the same process, so streaming, server actions, cookies and Next's own
// x-forwarded-* handling are exactly as under `next start`.
//
// Freshness: an entry lives for Next's s-maxage or PAGE_CACHE_SECONDS, whichever is shorter, and a
// publish (lib/articles/revalidate.ts → purgePageCache) empties the cache at once and again when the
// publishing request has been answered, after Next has revalidated its own copies. A page fetched
// from Next before a purge is never stored after it.
import { AsyncLocalStorage } from "node:async_hooks";
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { acceptsGzip, decideStore, isCacheableRequest, requestMatchesVary, storableHeaders } from "./policy";
import type { PageCacheControl } from "./purge";
import { type CachedPage, PageStore } from "./store";
import { LOCALES, localePath } from "../i18n/locales";

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Fetches a page from Next for the cache: a plain GET with no cookies, uncompressed. */
export type FetchPage = (url: string, headers: Record<string, string>) => Promise<UpstreamResponse>;
type NextHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface PageCacheOptions {
  /** Next's request handler: everything the cache does not answer goes here, as it came. */
  handleByNext: NextHandler;
  fetchPage: FetchPage;
  /** Upper bound on how long a page is kept, in seconds. */
  maxSeconds: number;
  maxEntries?: number;
  maxBytes?: number;
  now?: () => number;
  /** Told when a page could not be fetched from Next to fill the cache (the request then goes to Next). */
  onFillError?: (url: string, error: unknown) => void;
  /** Told of every purge made here (a publish, and again once its request was answered): a fleet passes it on. */
  onPurge?: () => void;
}

export interface PageCache extends PageCacheControl {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Empties the cache for a publish made on another instance (lib/page-cache/fleet.ts). */
  purgeFromElsewhere(): void;
  readonly store: PageStore;
}

/** try-again: not kept this time (fetched before a purge, or stale in Next), but keep trying. */
type FillResult = { kind: "stored"; entry: CachedPage } | { kind: "not-cacheable" } | { kind: "try-again" } | { kind: "failed" };

const NOT_CACHEABLE_SECONDS = 60;
const MAX_NOT_CACHEABLE_PATHS = 10_000;

/**
 * Pages that read their query string, with the parameters that make them: the search results
 * page. Next renders it on every request (`private, no-store`) only because it reads `q`; what it
 * renders depends on nothing else, and a fill asks for it without cookies, so it is kept per query
 * like a shareable page — in a store of its own, so made-up queries can evict other searches but
 * never articles. Any other parameter is dropped from the key and from the fill.
 */
const QUERY_PAGES: Record<string, readonly string[]> = Object.fromEntries(LOCALES.map((locale) => [localePath(locale, "/search"), ["q", "literal"]]));
/** The longest query kept: longer ones are answered by Next as they are (lib/search/config.ts). */
const QUERY_MAX_CHARS = 200;

/** The key (and the address a fill asks for) of a query page, or null when the request is not one to keep. */
function queryPageKey(path: string, search: string, headers: IncomingHttpHeaders): string | null {
  const names = QUERY_PAGES[path];
  // Signed-in staff may one day see more than customers; they always get Next's own answer.
  if (!names || /(?:^|;\s*)(?:__Host-)?hc_staff=/.test(String(headers.cookie ?? ""))) return null;
  const given = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const name of names) {
    const value = given.get(name)?.trim().replace(/\s+/g, " ");
    if (!value) continue;
    if (value.length > QUERY_MAX_CHARS) return null;
    kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `${path}?${query}` : path;
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const store = new PageStore({ maxEntries: options.maxEntries ?? 2_000, maxBytes: options.maxBytes ?? 128 * 1024 * 1024, now: options.now });
  const queryStore = new PageStore({ maxEntries: 2_000, maxBytes: 16 * 1024 * 1024, now: options.now });
  // Paths Next answered with something not to keep (a 404, a dynamic page): sent straight to Next.
  const notCacheable = new Map<string, number>();
  const filling = new Map<string, Promise<FillResult>>();
  const requestScope = new AsyncLocalStorage<{ purged: boolean }>();

  function purgeFromElsewhere() {
    store.purge();
    queryStore.purge();
    notCacheable.clear();
  }

  function purge() {
    purgeFromElsewhere();
    const scope = requestScope.getStore();
    if (scope) scope.purged = true;
    options.onPurge?.();
  }

  function passToNext(req: IncomingMessage, res: ServerResponse) {
    const scope = { purged: false };
    res.once("close", () => {
      // Next applies revalidations as it finishes the request; drop anything fetched meanwhile.
      if (scope.purged) purge();
    });
    requestScope.run(scope, () => options.handleByNext(req, res));
  }

  // One fetch per page at a time, shared by every visitor who misses meanwhile.
  function fill(key: string, into: PageStore, queryPage: boolean): Promise<FillResult> {
    let pending = filling.get(key);
    if (!pending) {
      const generation = into.generation;
      pending = options
        .fetchPage(key, FILL_HEADERS)
        .then((page): FillResult => {
          const decision = decideStore(page, options.maxSeconds, { anonymousQueryPage: queryPage });
          if (!decision.store) return decision.soon ? { kind: "try-again" } : { kind: "not-cacheable" };
          const entry = into.set(
            key,
            { status: page.status, headers: storableHeaders(page.headers), vary: decision.vary, body: page.body, seconds: decision.seconds },
            generation,
          );
          if (entry) return { kind: "stored", entry };
          return generation === into.generation ? { kind: "not-cacheable" } : { kind: "try-again" }; // too big, or purged since
        })
        .catch((error: unknown): FillResult => {
          options.onFillError?.(key, error);
          return { kind: "failed" };
        })
        .finally(() => filling.delete(key));
      filling.set(key, pending);
    }
    return pending;
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    if (!isCacheableRequest({ method: req.method ?? "GET", url: req.url ?? "", headers: req.headers })) return passToNext(req, res);
    // Shareable pages read nothing of the request but its path (Next renders them once for
    // everyone), so the path is the key: query strings, Host and X-Forwarded-* headers are not
    // part of it and cannot make new entries. Query pages add their own parameters, normalised.
    const [path = "/", search = ""] = (req.url ?? "/").split(/\?(.*)/s, 2);
    const queryPage = Object.hasOwn(QUERY_PAGES, path);
    const key = queryPage ? queryPageKey(path, search, req.headers) : path;
    if (key === null) return passToNext(req, res);
    const into = queryPage ? queryStore : store;
    const cached = into.get(key);
    if (cached) {
      if (requestMatchesVary(req.headers, cached.vary)) return sendCached(req, res, cached, "HIT", store.now());
      return passToNext(req, res);
    }
    const until = notCacheable.get(key);
    if (until !== undefined && until > store.now()) return passToNext(req, res);
    void fill(key, into, queryPage).then((result) => {
      if (result.kind === "stored" && requestMatchesVary(req.headers, result.entry.vary)) return sendCached(req, res, result.entry, "MISS", store.now());
      if (result.kind === "not-cacheable") {
        if (notCacheable.size >= MAX_NOT_CACHEABLE_PATHS) notCacheable.clear();
        notCacheable.set(key, store.now() + NOT_CACHEABLE_SECONDS * 1000);
      }
      // Not kept: this visitor gets Next's own answer.
      passToNext(req, res);
    });
  }

  return { handle, purge, purgeFromElsewhere, store };
}

/**
 * What a fill sends Next: a plain request for the page, nothing of the visitor's. The Host is fixed
 * because shareable pages cannot depend on it (absolute URLs in them come from SITE_URL).
 */
const FILL_HEADERS: Record<string, string> = { accept: "text/html", "accept-encoding": "identity", host: "localhost" };

function sendCached(req: IncomingMessage, res: ServerResponse, page: CachedPage, outcome: "HIT" | "MISS", now: number) {
  const gzip = acceptsGzip(req.headers);
  const headers: http.OutgoingHttpHeaders = Object.fromEntries(page.headers);
  headers.vary = withAcceptEncoding(headers.vary);
  headers.etag = page.etag;
  headers.age = String(Math.max(0, Math.floor((now - page.storedAt) / 1000)));
  headers["x-cache"] = outcome;
  if (matchesEtag(req.headers["if-none-match"], page.etag)) {
    delete headers["content-type"];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = gzip ? page.gzipped : page.body;
  if (gzip) headers["content-encoding"] = "gzip";
  headers["content-length"] = String(body.byteLength);
  res.writeHead(page.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

function withAcceptEncoding(vary: http.OutgoingHttpHeader | undefined): string {
  const names = String(vary ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (!names.some((name) => name.toLowerCase() === "accept-encoding")) names.push("Accept-Encoding");
  return names.join(", ");
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** A FetchPage that asks a Next server listening on a loopback port. */
export function fetchPageFromPort(port: number, timeoutMs = 30_000): FetchPage {
  return (url, headers) =>
    new Promise((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, path: url, method: "GET", headers, timeout: timeoutMs }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      });
      request.on("timeout", () => request.destroy(new Error(`Next did not answer ${url} within ${timeoutMs} ms`)));
      request.on("error", reject);
      request.end();
    });
}
