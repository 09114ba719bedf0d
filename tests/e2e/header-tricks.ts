/**
 * Request headers that once got past Next.js middleware (x-middleware-subrequest: CVE-2025-29927),
 * claim to come from the server itself, or ask for something other than the page's HTML (a React
 * Server Components payload for client navigation, a prefetch). What staff alone may see must stay
 * hidden whichever of them a request carries: the staff area (staff-authorization.spec.ts) and
 * internal articles (internal-articles.spec.ts) are proven with each.
 */
export const HEADER_TRICKS: Record<string, string>[] = [
  {},
  { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  { "x-middleware-subrequest": "src/middleware" },
  { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", "x-forwarded-host": "localhost" },
  { "x-nextjs-data": "1" },
  { RSC: "1" },
  { RSC: "1", "Next-Router-Prefetch": "1" },
  { "Next-Router-Prefetch": "1" },
];
