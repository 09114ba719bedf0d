import { NextResponse } from "next/server";
import { siteContext } from "@/lib/context";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// GET /api/health — for load balancers: 200 while this instance can serve (Redis trouble is
// reported as "degraded" but does not take it out), 503 when its database does not answer
export async function GET() {
  const health = await checkHealth(siteContext());
  return NextResponse.json(health, { status: health.status === "unavailable" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
}
