import { NextResponse } from "next/server";
import { handle } from "@/lib/http";
import { answerSearchRequest } from "@/lib/search/api";

// GET /api/search?q=… — the same ranking as the instant search, for clients without the index.
// `npm start` answers it in front of Next (lib/search/front.ts) with the same function.
export const GET = handle(async (request: Request) => {
  const { status, body } = await answerSearchRequest(new URL(request.url).searchParams);
  return NextResponse.json(body, { status });
});
