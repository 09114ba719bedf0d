import { NextResponse } from "next/server";
import { handle } from "@/lib/http";
import { HttpError } from "@/lib/http-error";
import { searchQuerySchema } from "@/lib/search/query";
import { getSearchIndex } from "@/lib/search/server";

// GET /api/search?q=… — the same ranking as the instant search, for clients without the index
export const GET = handle(async (request: Request) => {
  const parsed = searchQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new HttpError(400, `q ${parsed.error.issues[0]?.message ?? "is invalid"}.`);
  const { engine } = await getSearchIndex();
  const results = engine.search(parsed.data.q, parsed.data.limit);
  return NextResponse.json({ query: parsed.data.q, results });
});
