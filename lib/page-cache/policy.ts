// What the page cache in front of Next.js may keep, decided the way a shared HTTP cache (a CDN)
// decides it: from the request's method and headers and from the Cache-Control Next.js sends.
// Pure functions, so the rules are unit-tested on their own (tests/unit/page-cache.test.ts).
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { DEFAULT_LOCALE, LOCALE_COOKIE } from "../i18n/locales";

/** Paths that are never pages: Next's own assets, API routes and the signed-in staff area. */
const NEVER_CACHED_PREFIXES = ["/_next/", "/api/", "/staff"];

/**
 * Request headers that make Next answer with something other than the page's HTML (a React Server
 * Components payload for client navigation or prefetch, a server action). Next names them in
 * `Vary`; a request carrying any of them always goes to Next.
 */
const NEXT_REQUEST_HEADERS = ["rsc", "next-action", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];

/** Response headers that belong to one connection, never stored (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "date",
  "content-length",
  "content-encoding",
]);

export interface RequestFacts {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** Whether a request could be answered from the cache (and so may fill it). */
export function isCacheableRequest({ method, url, headers }: RequestFacts): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!url.startsWith("/") || url.startsWith("//")) return false;
  const pathname = url.split("?", 1)[0]!;
  if (NEVER_CACHED_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, "") || pathname.startsWith(prefix))) return false;
  if (url.includes("_rsc=")) return false;
  if (headers.authorization) return false;
  // The home page of a reader who chose another language redirects there (proxy.ts): Next answers.
  if (pathname === "/" && choseOtherLanguage(headers)) return false;
  return !NEXT_REQUEST_HEADERS.some((name) => headers[name] !== undefined);
}

/** Whether the request carries the language switcher's cookie with a language other than the default. */
function choseOtherLanguage(headers: IncomingHttpHeaders): boolean {
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(String(headers.cookie ?? ""));
  return match !== null && match[1]!.trim() !== DEFAULT_LOCALE;
}

/** A request may use an entry only if it carries none of the headers the entry varies on. */
export function requestMatchesVary(headers: IncomingHttpHeaders, vary: string[]): boolean {
  return vary.every((name) => headers[name] === undefined);
}

export interface ResponseFacts {
  status: number;
  headers: IncomingHttpHeaders | OutgoingHttpHeaders;
}

/** `soon`: the page is shareable but not to be kept this time; ask again on the next request. */
export type StoreDecision = { store: true; seconds: number; vary: string[] } | { store: false; soon?: boolean; reason: string };

/**
 * Whether a response may be kept, and for how long: only a 200 HTML page that Next marks as
 * shareable (`s-maxage`, no `private`/`no-store`/`no-cache`), sets no cookie, is fresh in Next's
 * own cache (a STALE answer is being regenerated behind it) and varies on nothing but the headers
 * above. Kept for `s-maxage` or `maxSeconds`, whichever is shorter.
 */
export function decideStore(
  { status, headers }: ResponseFacts,
  maxSeconds: number,
  { anonymousQueryPage = false }: { anonymousQueryPage?: boolean } = {},
): StoreDecision {
  if (status !== 200) return { store: false, reason: `status ${status}` };
  const contentType = String(headers["content-type"] ?? "");
  if (!contentType.startsWith("text/html")) return { store: false, reason: `content-type ${contentType || "missing"}` };
  if (headers["set-cookie"] !== undefined) return { store: false, reason: "sets a cookie" };
  // A query page (lib/page-cache/front.ts QUERY_PAGES), fetched without cookies: Next marks it
  // private only because it reads its query string, which is part of its key here.
  if (anonymousQueryPage) {
    const vary = varyOf(headers);
    if (vary.includes("*") || vary.some((name) => !NEXT_REQUEST_HEADERS.includes(name))) return { store: false, reason: `varies on ${vary.join(", ")}` };
    return { store: true, seconds: maxSeconds, vary };
  }
  if (String(headers["x-nextjs-cache"] ?? "").toUpperCase() === "STALE")
    return { store: false, soon: true, reason: "stale in Next's cache, being regenerated" };
  const cacheControl = parseCacheControl(String(headers["cache-control"] ?? ""));
  if (cacheControl.has("private") || cacheControl.has("no-store") || cacheControl.has("no-cache")) {
    return { store: false, reason: "Cache-Control forbids shared caching" };
  }
  const sharedMaxAge = Number(cacheControl.get("s-maxage"));
  if (!Number.isInteger(sharedMaxAge) || sharedMaxAge <= 0) return { store: false, reason: "no s-maxage" };
  const vary = varyOf(headers);
  if (vary.includes("*") || vary.some((name) => !NEXT_REQUEST_HEADERS.includes(name))) {
    return { store: false, reason: `varies on ${vary.join(", ")}` };
  }
  return { store: true, seconds: Math.min(sharedMaxAge, maxSeconds), vary };
}

function varyOf(headers: IncomingHttpHeaders | OutgoingHttpHeaders): string[] {
  return String(headers.vary ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name && name !== "accept-encoding");
}

function parseCacheControl(value: string): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of value.split(",")) {
    const [name, ...rest] = part.trim().split("=");
    if (name) directives.set(name.toLowerCase(), rest.join("=").replace(/^"|"$/g, ""));
  }
  return directives;
}

/** The response headers worth replaying on a hit, as [name, value] pairs. */
export function storableHeaders(headers: IncomingHttpHeaders): [string, string | string[]][] {
  const kept: [string, string | string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    kept.push([name, value]);
  }
  return kept;
}

/** Whether the client takes gzip (`Accept-Encoding: gzip`, not refused with q=0). */
export function acceptsGzip(headers: IncomingHttpHeaders): boolean {
  const value = String(headers["accept-encoding"] ?? "");
  for (const part of value.split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
