// The contact form's own check, said in the page's language (components/contact/contact-form.tsx).
import type { z } from "zod";
import { fillText, formatNumber } from "@/lib/i18n/fill-text";
import type { ClientMessages } from "@/lib/i18n/messages";

/**
 * What the form says of a field the browser's check refused, in the page's language. The schema's
 * own words (lib/contact/schema.ts, shared with the API) are the English ones; a problem not
 * listed here keeps them.
 */
export function problemText(issue: z.core.$ZodIssue, text: ClientMessages["Contact"], tag: string): string {
  const { problems } = text;
  const limit = (value: number | bigint) => formatNumber(tag, Number(value));
  const field = issue.path[0];
  if (field === "name" && issue.code === "too_small") return problems.nameMissing;
  if (field === "name" && issue.code === "too_big") return fillText(problems.nameTooLong, { max: limit(issue.maximum) });
  if (field === "email" && issue.code === "too_big") return problems.emailTooLong;
  if (field === "email" && issue.code === "invalid_format") return problems.emailInvalid;
  if (field === "message" && issue.code === "too_small") return fillText(problems.messageTooShort, { min: limit(issue.minimum) });
  if (field === "message" && issue.code === "too_big") return fillText(problems.messageTooLong, { max: limit(issue.maximum) });
  return issue.message;
}
