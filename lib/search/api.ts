// GET /api/search as data: one function for the route handler and for the front server
// (lib/search/front.ts), so both give the same answer to the same request.
import "server-only";
import { z } from "zod";
import type { SearchReaders } from "../articles/reads";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "../i18n/locales";
import { registerSearchApi } from "./front";
import { searchQuerySchema } from "./query";
import { getSearchIndex } from "./server";
import type { SearchAnswer } from "./engine";

export type SearchApiBody = ({ query: string; locale: string } & SearchAnswer) | { error: string };

/** /search and /api/search's query, and which language's index to search (the default language's when not given). */
export const searchApiSchema = searchQuerySchema.extend({
  locale: z
    .string()
    .default(DEFAULT_LOCALE)
    .refine((value) => isLocale(value), { error: `must be one of ${LOCALES.join(", ")}` }),
});

/** "staff" searches the staff's index (internal articles too): only for a caller that checked the session. */
export async function answerSearchRequest(params: URLSearchParams, readers: SearchReaders = "customers"): Promise<{ status: number; body: SearchApiBody }> {
  const parsed = searchApiSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: 400, body: { error: `${String(issue?.path[0] ?? "q")} ${issue?.message ?? "is invalid"}.` } };
  }
  const { q, limit, literal, locale } = parsed.data;
  const { engine } = await getSearchIndex(readers, locale);
  return { status: 200, body: { query: q, locale, ...engine.answer(q, { limit, literal }) } };
}

// `npm start` answers /api/search in front of Next with this same function (front.ts), for customers.
registerSearchApi((params) => answerSearchRequest(params, "customers"));
