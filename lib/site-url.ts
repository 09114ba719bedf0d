// The help center's public address, for every absolute URL it prints: canonical links, share
// cards, structured data, the sitemap, feeds, llms.txt and the OpenSearch description.
//
// It comes from SITE_URL and never from the request: customer pages are rendered once and kept
// (Next's cache, then the page cache keyed on the path alone), so an address taken from one
// request's Host header would be served to everyone, and a forged Host could poison it. Unset, the
// site names http://localhost:3000, which is right for `npm run dev` and `npm start` on one's own
// machine and wrong anywhere else: `npm start` says so at start-up (scripts/start.ts).
import { env } from "./env";

export const FALLBACK_SITE_URL = "http://localhost:3000";

/** The origin absolute URLs start with: SITE_URL's scheme, host and port (a path in it is ignored). */
export function siteOrigin(siteUrl: string | undefined = env.SITE_URL): string {
  return new URL(siteUrl ?? FALLBACK_SITE_URL).origin;
}

/** `path` (starting with /) as an absolute URL on the public address. */
export function absoluteUrl(path: string, siteUrl?: string): string {
  return new URL(path, siteOrigin(siteUrl)).href;
}

/** What `npm start` prints when SITE_URL is missing or has a path the site cannot serve under; null when all is well. */
export function siteUrlWarning(siteUrl: string | undefined = env.SITE_URL): string | null {
  if (!siteUrl) {
    return `SITE_URL is not set: canonical links, share cards, the sitemap, feeds and llms.txt name ${FALLBACK_SITE_URL}. Set SITE_URL to the public address (such as https://help.example.com).`;
  }
  const { pathname } = new URL(siteUrl);
  if (pathname !== "/") return `SITE_URL has a path (${pathname}), which is ignored: the help center is served at the root of ${siteOrigin(siteUrl)}.`;
  return null;
}
