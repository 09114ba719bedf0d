// GET /api/search as data: one function for the route handler and for the front server
// (lib/search/front.ts), so both give the same answer to the same request.
import "server-only";
import type { SearchReaders } from "../articles/reads";
import { registerSearchApi } from "./front";
import { searchQuerySchema } from "./query";
import { getSearchIndex } from "./server";
import type { SearchAnswer } from "./engine";

export type SearchApiBody = ({ query: string } & SearchAnswer) | { error: string };

/** "staff" searches the staff's index (internal articles too): only for a caller that checked the session. */
export async function answerSearchRequest(params: URLSearchParams, readers: SearchReaders = "customers"): Promise<{ status: number; body: SearchApiBody }> {
  const parsed = searchQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: 400, body: { error: `${String(issue?.path[0] ?? "q")} ${issue?.message ?? "is invalid"}.` } };
  }
  const { q, limit, literal } = parsed.data;
  const { engine } = await getSearchIndex(readers);
  return { status: 200, body: { query: q, ...engine.answer(q, { limit, literal }) } };
}

// `npm start` answers /api/search in front of Next with this same function (front.ts), for customers.
registerSearchApi((params) => answerSearchRequest(params, "customers"));
