// The search query string, as /search and /api/search accept it.
import { z } from "zod";

import { SEARCH_QUERY_MAX } from "./config";

export const searchQuerySchema = z.object({
  q: z.string().trim().max(SEARCH_QUERY_MAX, `must be at most ${SEARCH_QUERY_MAX} characters`).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
