// The visitor cookie a first vote sets: a random id (lib/feedback/schema.ts), so a later vote from
// the same browser changes the earlier one. Set by POST /api/feedback and by the rating form's
// server action (components/feedback/actions.ts), which sends it without JavaScript.
import { VISITOR_COOKIE } from "./schema";

const ONE_YEAR = 365 * 24 * 60 * 60;

export function visitorCookie(visitorId: string, { https }: { https: boolean }) {
  return {
    name: VISITOR_COOKIE,
    value: visitorId,
    httpOnly: true,
    sameSite: "lax" as const,
    secure: process.env.NODE_ENV === "production" && https,
    path: "/",
    maxAge: ONE_YEAR,
  };
}
