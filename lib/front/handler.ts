// What `npm start`'s server does with every request before Next (or the page cache) sees it:
// refuses addresses that are too long, settles which client sent the request (TRUST_PROXY), drops
// forwarded Host and protocol headers that no trusted proxy wrote, refuses forms posted to a page
// from another site, and adds HSTS over HTTPS.
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolveClientAddress, type TrustProxy } from "../client-address";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Longer request targets are refused with 414: no page or query of this site comes close. */
export const MAX_URL_BYTES = 4_096;

const HSTS = "max-age=31536000; includeSubDomains";

export interface FrontOptions {
  trust: TrustProxy;
  /** SITE_URL: when it is https, every response says so with HSTS. */
  siteUrl?: string | undefined;
}

export function createFrontHandler(next: Handler, { trust, siteUrl }: FrontOptions): Handler {
  const siteIsHttps = siteUrl?.startsWith("https:") ?? false;
  return (req, res) => {
    if (Buffer.byteLength(req.url ?? "") > MAX_URL_BYTES) {
      res.writeHead(414, { "content-type": "text/plain; charset=utf-8", connection: "close" });
      res.end(`This address is too long: at most ${MAX_URL_BYTES} characters are accepted.\n`);
      return;
    }
    const fromTrustedProxy = prepareForwardedHeaders(req, trust);
    if (isForeignPagePost(req)) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end("This form was sent from another site, so it was not accepted. Open the page on this site and send it from there.\n");
      return;
    }
    const https = (req.socket as { encrypted?: boolean }).encrypted === true || (fromTrustedProxy && req.headers["x-forwarded-proto"] === "https");
    if (siteIsHttps || https) res.setHeader("strict-transport-security", HSTS);
    return next(req, res);
  };
}

/**
 * Leaves X-Forwarded-For holding exactly the client's address, which code inside Next then reads
 * (lib/client-address.ts). X-Forwarded-Host, -Proto and -Port are kept only when the request came
 * through a proxy TRUST_PROXY names; otherwise a client could choose them. Returns whether it did.
 */
function prepareForwardedHeaders(req: IncomingMessage, trust: TrustProxy): boolean {
  const forwardedFor = req.headers["x-forwarded-for"];
  const socket = req.socket.remoteAddress;
  req.headers["x-forwarded-for"] = resolveClientAddress(Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, socket, trust);
  const trusted =
    "hops" in trust
      ? trust.hops > 0
      : trust.proxies.check((socket ?? "").replace(/^::ffff:(?=\d+\.)/i, ""), socket?.includes(":") && !/^::ffff:\d/i.test(socket) ? "ipv6" : "ipv4");
  if (!trusted) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
    delete req.headers["forwarded"];
    delete req.headers["x-real-ip"];
  }
  return trusted;
}

/**
 * A form posted to a page (the contact and rating forms without JavaScript) whose Origin is another
 * site's: refused here with 403, as lib/http.ts refuses such writes to /api/. Next refuses them
 * too, but as a 500 error. Browsers send Origin with every POST; a request without one (a script
 * of someone's own) goes on, and the form's own checks apply. A server action called from script
 * (a Next-Action header, which no other site's page can send without a CORS preflight) is Next's
 * to check: it also forwards such calls to itself, from an Origin of its own.
 */
function isForeignPagePost(req: IncomingMessage): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  if ((req.url ?? "").startsWith("/api/") || req.headers["next-action"] !== undefined) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const host = req.headers["x-forwarded-host"] ?? req.headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
