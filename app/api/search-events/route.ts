import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/http";
import { searchEventSchema } from "@/lib/search-events/schema";
import { recordSearchEvent } from "@/lib/search-events/service";
import { siteContext } from "@/lib/context";
import { publicClient } from "@/lib/request-client";

// POST /api/search-events — record a finished customer search (query and how many results it showed)
export const POST = handle(async (request: Request) => {
  const input = await readJson(request, searchEventSchema, { maxBytes: 1024 });
  const created = await recordSearchEvent(siteContext(), input, await publicClient(request));
  return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
