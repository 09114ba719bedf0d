// What the search box sends when a query is final, and when a result of it was opened.
import { z } from "zod";
import { slugSchema } from "../articles/slugs";
import { isLocale, LOCALES } from "../i18n/locales";
import { SEARCH_QUERY_MAX } from "../search/config";
import { normalizeSearchQuery, QUERY_MIN } from "./normalize";

/** More than the instant search (8) or the results page (20) ever show. */
const RESULT_COUNT_MAX = 1000;

export const searchEventSchema = z.strictObject({
  query: z
    .string({ error: "must be the text that was searched" })
    .max(SEARCH_QUERY_MAX, `must be at most ${SEARCH_QUERY_MAX} characters`)
    .transform(normalizeSearchQuery)
    .refine((query) => query.length >= QUERY_MIN, `must have at least ${QUERY_MIN} characters`),
  resultCount: z
    .number({ error: "must be the number of results shown" })
    .int("must be a whole number")
    .min(0, "cannot be negative")
    .max(RESULT_COUNT_MAX, `must be at most ${RESULT_COUNT_MAX}`),
  /** Set when the person opened a result before the search was recorded: one request, not two. */
  openedSlug: slugSchema.optional(),
  /** The language of the page searched on (its index); the default language's when not given. */
  locale: z
    .string({ error: "must be a language code" })
    .refine((value) => isLocale(value), { error: `must be one of ${LOCALES.join(", ")}` })
    .optional(),
});

export type SearchEventInput = z.infer<typeof searchEventSchema>;

export const searchOpenSchema = z.strictObject({ slug: slugSchema });

/** Event ids are cuids; anything else cannot name one. */
export const searchEventIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/);
