// GET /api/search answered in front of Next (scripts/start.ts), without Next's per-request routing
// pipeline: the same function as the route handler (lib/search/api.ts) gives the same body, status
// and headers. The route handler lives in Next's module instance, which owns the database client
// and the index; it registers its answer function on a global symbol when first loaded, and until
// then (the first request after start) requests go to Next as before. Under plain `next start`
// nothing of this runs and the route handler answers.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { securityHeaders } from "../security-headers";

const SEARCH_API_GLOBAL = Symbol.for("helpdesk.search-api");

export type AnswerSearchRequest = (params: URLSearchParams) => Promise<{ status: number; body: unknown }>;
type WithSearchApi = typeof globalThis & { [SEARCH_API_GLOBAL]?: AnswerSearchRequest };

/** Called by lib/search/api.ts inside Next. */
export function registerSearchApi(answer: AnswerSearchRequest) {
  (globalThis as WithSearchApi)[SEARCH_API_GLOBAL] = answer;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The headers Next sends with the route handler's JSON (tests/e2e/search-answers.spec.ts compares them). */
const SEARCH_API_HEADERS: OutgoingHttpHeaders = {
  ...Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value])),
  vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
  "content-type": "application/json",
};

/** Wraps the server's handler: GET and HEAD /api/search are answered here once Next has registered. */
export function withSearchFront(next: Handler): Handler {
  return (req, res) => {
    const url = req.url ?? "";
    const answer = (globalThis as WithSearchApi)[SEARCH_API_GLOBAL];
    if (!answer || (req.method !== "GET" && req.method !== "HEAD") || !(url === "/api/search" || url.startsWith("/api/search?"))) return next(req, res);
    const query = url.indexOf("?");
    answer(new URLSearchParams(query < 0 ? "" : url.slice(query + 1))).then(
      ({ status, body }) => {
        let payload = Buffer.from(JSON.stringify(body));
        const headers: OutgoingHttpHeaders = { ...SEARCH_API_HEADERS };
        // Next compresses every JSON answer for clients that accept gzip, however small.
        if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
          payload = gzipSync(payload);
          headers["content-encoding"] = "gzip";
        }
        headers["content-length"] = payload.byteLength;
        res.writeHead(status, headers);
        res.end(req.method === "HEAD" ? undefined : payload);
      },
      () => next(req, res),
    );
  };
}
