import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { siteContext } from "@/lib/context";
import { feedbackQuerySchema, feedbackSchema } from "@/lib/feedback/schema";
import { getVisitorFeedback, recordFeedback } from "@/lib/feedback/service";
import { visitorCookie } from "@/lib/feedback/visitor-cookie";
import { handle, readJson } from "@/lib/http";
import { HttpError } from "@/lib/http-error";
import { publicClient, readVisitorId } from "@/lib/request-client";

// GET /api/feedback?article=slug — this visitor's vote on an article, if any
export const GET = handle(async (request: Request) => {
  const query = feedbackQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new HttpError(400, "Name the article: /api/feedback?article=<slug>.");
  const visitorId = await readVisitorId();
  const vote = visitorId ? await getVisitorFeedback(siteContext(), visitorId, query.data.article) : null;
  return NextResponse.json({ vote }, { headers: { "Cache-Control": "private, no-store" } });
});

// POST /api/feedback — record or change this visitor's rating of an article
export const POST = handle(async (request: Request) => {
  const input = await readJson(request, feedbackSchema, { maxBytes: 4096 });
  const client = await publicClient(request);
  const existing = client.visitor;
  const visitorId = existing ?? randomUUID();
  const vote = await recordFeedback(siteContext(), { ...client, visitor: visitorId }, input);
  const response = NextResponse.json({ vote }, { status: 200, headers: { "Cache-Control": "no-store" } });
  if (!existing) {
    response.cookies.set(visitorCookie(visitorId, { https: new URL(request.url).protocol === "https:" }));
  }
  return response;
});
