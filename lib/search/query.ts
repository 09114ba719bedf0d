// The search query string, as /search and /api/search accept it.
import { z } from "zod";

import { SEARCH_QUERY_MAX } from "./config";

export const searchQuerySchema = z.object({
  q: z.string().trim().max(SEARCH_QUERY_MAX, `must be at most ${SEARCH_QUERY_MAX} characters`).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** literal=1: the words as typed, without typo correction ("Search instead for …"). */
  literal: z
    .enum(["0", "1"], { error: "must be 1 (the words as typed) or 0" })
    .optional()
    .transform((value) => value === "1"),
});
