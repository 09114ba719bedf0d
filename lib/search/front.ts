// GET /api/search answered in front of Next (scripts/start.ts), without Next's per-request routing
// pipeline: the same function as the route handler (lib/search/api.ts) gives the same body, status
// and headers. The route handler lives in Next's module instance, which owns the database client
// and the index; it registers its answer function on a global symbol when first loaded, and until
// then (the first request after start) requests go to Next as before. Under plain `next start`
// nothing of this runs and the route handler answers.
import type { IncomingMessage, ServerResponse } from "node:http";

export const SEARCH_API_GLOBAL = Symbol.for("helpdesk.search-api");

export type AnswerSearchRequest = (params: URLSearchParams) => Promise<{ status: number; body: unknown }>;
type WithSearchApi = typeof globalThis & { [SEARCH_API_GLOBAL]?: AnswerSearchRequest };

/** Called by lib/search/api.ts inside Next. */
export function registerSearchApi(answer: AnswerSearchRequest) {
  (globalThis as WithSearchApi)[SEARCH_API_GLOBAL] = answer;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The headers Next sends with the route handler's JSON (checked by tests/e2e/api.spec.ts). */
export const SEARCH_API_HEADERS = {
  "content-type": "application/json",
  vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch",
} as const;

/** Wraps the server's handler: GET and HEAD /api/search are answered here once Next has registered. */
export function withSearchFront(next: Handler): Handler {
  return (req, res) => {
    const url = req.url ?? "";
    const answer = (globalThis as WithSearchApi)[SEARCH_API_GLOBAL];
    if (!answer || (req.method !== "GET" && req.method !== "HEAD") || !(url === "/api/search" || url.startsWith("/api/search?"))) return next(req, res);
    const query = url.indexOf("?");
    answer(new URLSearchParams(query < 0 ? "" : url.slice(query + 1))).then(
      ({ status, body }) => {
        const json = JSON.stringify(body);
        res.writeHead(status, { ...SEARCH_API_HEADERS, "content-length": Buffer.byteLength(json) });
        res.end(req.method === "HEAD" ? undefined : json);
      },
      () => next(req, res),
    );
  };
}
