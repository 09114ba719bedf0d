import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/http";
import { searchOpenSchema } from "@/lib/search-events/schema";
import { recordSearchOpen } from "@/lib/search-events/service";
import { siteContext } from "@/lib/context";
import { publicClient } from "@/lib/request-client";

// POST /api/search-events/<id>/open — note which result of a recorded search was opened
export const POST = handle(async (request: Request, { params }: RouteContext<"/api/search-events/[id]/open">) => {
  const { id } = await params;
  const { slug } = await readJson(request, searchOpenSchema, { maxBytes: 512 });
  const opened = await recordSearchOpen(siteContext(), id, slug, await publicClient(request));
  return NextResponse.json(opened, { headers: { "Cache-Control": "no-store" } });
});
