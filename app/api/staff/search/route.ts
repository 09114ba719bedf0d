import { NextResponse } from "next/server";
import { requireRouteActor } from "@/lib/auth/current";
import { secureCookies, STAFF_HINT_COOKIE } from "@/lib/auth/cookies";
import { errorResponse, handle } from "@/lib/http";
import { HttpError } from "@/lib/http-error";
import { answerSearchRequest } from "@/lib/search/api";

// Never cached: the answer holds internal articles, for signed-in staff only.
export const dynamic = "force-dynamic";

// GET /api/staff/search?q=… — the search box of a signed-in staff member: the same ranking as
// /api/search, over the staff's index, which holds internal articles too (marked `internal`).
export const GET = handle(async (request: Request) => {
  try {
    await requireRouteActor("editor");
  } catch (error) {
    // The search box asked because of the hint cookie; without a session it goes back to the
    // customers' search, and the stale hint goes.
    if (!(error instanceof HttpError) || error.status !== 401) throw error;
    const refused = errorResponse(error);
    refused.cookies.set(STAFF_HINT_COOKIE, "", { path: "/", secure: secureCookies, sameSite: "lax", maxAge: 0 });
    return refused;
  }
  const { status, body } = await answerSearchRequest(new URL(request.url).searchParams, "staff");
  return NextResponse.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
});
