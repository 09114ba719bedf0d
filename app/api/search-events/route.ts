import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { handle, readJson } from "@/lib/http";
import { searchEventSchema } from "@/lib/search-events/schema";
import { recordSearchEvent } from "@/lib/search-events/service";

// POST /api/search-events — record a finished customer search (query and how many results it showed)
export const POST = handle(async (request: Request) => {
  const input = await readJson(request, searchEventSchema, { maxBytes: 1024 });
  const created = await recordSearchEvent(db, input);
  return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
