"use server";
// The rating form without JavaScript: the Happy/Normal/Sad buttons and the Sad comment post here
// when scripts are off (or not yet running), and the article page comes back showing what was
// saved. With JavaScript the widget sends the same ratings to POST /api/feedback instead. The
// checks are the API's: same origin, the schema, the per-client limits and the visitor cookie.
import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import type { z } from "zod";
import { siteContext } from "@/lib/context";
import { RATINGS, type Rating } from "@/lib/feedback/constants";
import { feedbackSchema } from "@/lib/feedback/schema";
import { recordFeedback } from "@/lib/feedback/service";
import { visitorCookie } from "@/lib/feedback/visitor-cookie";
import { assertSameOriginHeaders, failureMessage } from "@/lib/http";
import { readVisitorId, requestAddress } from "@/lib/request-client";
import type { Choice, RatingFormResult } from "./rating-state";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? "");
  if (field === "rating") return "Choose Happy, Normal or Sad.";
  if (field === "article") return "This article cannot be rated: reload the page and try again.";
  return `The ${field || "form"} ${issue?.message ?? "is not valid"}.`;
}

export async function rateArticleAction(_previous: RatingFormResult | null, form: FormData): Promise<RatingFormResult> {
  // Anyone can call an action with anything: only a form is read.
  if (!(form instanceof FormData)) return { ok: false, choice: null, error: "Choose Happy, Normal or Sad." };
  const rating = text(form, "rating");
  const comment = text(form, "comment");
  // What the visitor asked for, as far as it can be read: the widget shows it as not saved on failure.
  const choice: Choice | null = RATINGS.includes(rating as Rating) ? { rating: rating as Rating, ...(comment !== undefined ? { comment } : {}) } : null;
  const parsed = feedbackSchema.safeParse({ article: text(form, "article"), rating, ...(comment !== undefined ? { comment } : {}) });
  if (!parsed.success) return { ok: false, choice, error: describeProblem(parsed.error) };
  // The comment form sent nothing but spaces: nothing to store, and the box stays open.
  if (comment !== undefined && !parsed.data.comment) return { ok: false, choice, error: "Write your comment in the box, then send it." };

  try {
    const requestHeaders = await headers();
    assertSameOriginHeaders(requestHeaders);
    const existing = await readVisitorId();
    const visitorId = existing ?? randomUUID();
    const vote = await recordFeedback(siteContext(), { address: requestAddress(requestHeaders), visitor: visitorId }, parsed.data);
    if (!existing) (await cookies()).set(visitorCookie(visitorId, { https: requestHeaders.get("x-forwarded-proto") === "https" }));
    return { ok: true, choice: choice!, vote };
  } catch (error) {
    return { ok: false, choice, error: failureMessage(error) };
  }
}
