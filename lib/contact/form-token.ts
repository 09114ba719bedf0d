// The contact form's proof that it came from our contact page and was not sent the instant it was
// loaded: the page embeds the time it was made, signed with the day's secret
// (lib/limits/daily-secret.ts). Scripts that post straight to /api/contact have no token; ones
// that fetch the page first must wait as long as a person would.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { SiteContext } from "../context";
import { dailySecret, utcDay } from "../limits/daily-secret";

/** The least time between loading the form and sending it (CONTACT_MIN_SECONDS; 0 turns the check off). */
export function contactMinSeconds(): number {
  const value = Number(process.env.CONTACT_MIN_SECONDS ?? "3");
  return Number.isFinite(value) && value >= 0 ? value : 3;
}

/** A token is good for a day: long enough for anyone to write their message. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

async function sign(ctx: SiteContext, issuedAt: number): Promise<string> {
  const secret = await dailySecret(ctx, utcDay(new Date(issuedAt)));
  return createHmac("sha256", secret).update(`contact:${issuedAt}`).digest("base64url");
}

export async function issueFormToken(ctx: SiteContext, now = Date.now()): Promise<string> {
  return `${now}.${await sign(ctx, now)}`;
}

export type FormTokenCheck = "ok" | "invalid" | "too-fast" | "expired";

export async function checkFormToken(ctx: SiteContext, token: string | undefined, now = Date.now()): Promise<FormTokenCheck> {
  const match = /^(\d{13})\.([\w-]{43})$/.exec(token ?? "");
  if (!match) return "invalid";
  const issuedAt = Number(match[1]);
  if (issuedAt > now + 60_000) return "invalid";
  if (now - issuedAt > MAX_AGE_MS) return "expired";
  const expected = Buffer.from(await sign(ctx, issuedAt));
  const given = Buffer.from(match[2]!);
  if (expected.byteLength !== given.byteLength || !timingSafeEqual(expected, given)) return "invalid";
  return now - issuedAt < contactMinSeconds() * 1000 ? "too-fast" : "ok";
}
