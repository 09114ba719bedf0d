// The Content-Security-Policy of every HTML document the site sends. Scripts run only from this
// site's own files and from inline scripts whose SHA-256 is listed in the policy: Next.js writes
// its bootstrap and page data as inline scripts, so each document gets a policy made from its own
// inline scripts (lib/front/document-security.ts hashes them as the document goes out). Nonces
// would need every page rendered per request; hashes let cached pages stay cached.
import { createHash } from "node:crypto";

const BASE_DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The policy for responses that are not HTML documents, and for documents without inline scripts. */
export function contentSecurityPolicy({
  scriptHashes = [],
  https = false,
  development = false,
}: { scriptHashes?: readonly string[]; https?: boolean; development?: boolean } = {}): string {
  // `next dev` injects and evaluates scripts of its own; production never needs either.
  const scripts = development ? "script-src 'self' 'unsafe-inline' 'unsafe-eval'" : ["script-src 'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(" ");
  return [...BASE_DIRECTIVES, scripts, ...(https ? ["upgrade-insecure-requests"] : [])].join("; ");
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** Script types a browser runs; any other type makes the element a data block (JSON-LD), which CSP does not govern. */
const RUNNABLE_TYPES = new Set([
  "",
  "module",
  "importmap",
  "speculationrules",
  "text/javascript",
  "application/javascript",
  "application/ecmascript",
  "text/ecmascript",
]);
const TYPE_ATTRIBUTE = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** `sha256-…` of each inline script's text, as a browser hashes it for script-src. Data blocks are left out: they never run. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", text] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || !text) continue;
    const type = TYPE_ATTRIBUTE.exec(attributes);
    if (type && !RUNNABLE_TYPES.has((type[1] ?? type[2] ?? type[3] ?? "").trim().toLowerCase())) continue;
    hashes.add(`sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`);
  }
  return [...hashes];
}
