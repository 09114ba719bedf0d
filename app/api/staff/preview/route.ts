import { NextResponse } from "next/server";
import { getStaffContext, requireRouteActor } from "@/lib/auth/current";
import { handle, readJson } from "@/lib/http";
import { PREVIEW_MAX_BYTES, previewRequestSchema } from "@/lib/articles/schema";
import { previewArticle } from "@/lib/articles/preview";

// POST /api/staff/preview — the editor's live preview: the MDX body compiled exactly as customers
// get it (the tree is rendered by the same MdxContent), with every problem and its line
export const POST = handle(async (request: Request) => {
  await requireRouteActor("editor");
  const input = await readJson(request, previewRequestSchema, { maxBytes: PREVIEW_MAX_BYTES });
  return NextResponse.json(await previewArticle(await getStaffContext(), input), { headers: { "Cache-Control": "no-store" } });
});
