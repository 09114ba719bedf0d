"use server";
// The contact form without JavaScript: it posts here when scripts are off (or not yet running).
// A message that is stored leads to /contact/sent (a redirect, so reloading that page sends
// nothing twice); one that is refused comes back to the form with what was typed and why. With
// JavaScript the form sends to POST /api/contact instead. The checks are the API's: same origin,
// the schema, the hidden field, the signed form token and the per-client limits.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { contactSchema } from "@/lib/contact/schema";
import { createContactRequest } from "@/lib/contact/service";
import { siteContext } from "@/lib/context";
import { assertSameOriginHeaders, failureMessage } from "@/lib/http";
import { HttpError } from "@/lib/http-error";
import { readVisitorId, requestAddress } from "@/lib/request-client";
import { CONTACT_FIELDS, type ContactField, type ContactFormState } from "./form-state";
import { DEFAULT_LOCALE, isLocale, localePath } from "@/lib/i18n/locales";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** Problems with the fields nobody sees: said once, above the form. */
const HIDDEN_FIELD_PROBLEMS: Record<string, string> = {
  formToken: "This message was not sent from our contact page. Open the contact page and send it from there.",
  website: "Leave the field marked “leave this empty” empty, then send again.",
  article: "The article this message is about is not one we know. Open the contact page again from the article.",
};

export async function sendContactAction(_previous: ContactFormState | null, form: FormData): Promise<ContactFormState> {
  // Anyone can call an action with anything: only a form is read.
  if (!(form instanceof FormData)) form = new FormData();
  const values = { name: text(form, "name"), email: text(form, "email"), message: text(form, "message") };
  const article = text(form, "article");
  const formToken = text(form, "formToken");
  const parsed = contactSchema.safeParse({ ...values, ...(article ? { article } : {}), formToken, website: text(form, "website") });
  if (!parsed.success) {
    const errors: ContactFormState["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (CONTACT_FIELDS.includes(field as ContactField)) errors[field as ContactField] ??= issue.message;
      else errors.form ??= HIDDEN_FIELD_PROBLEMS[field] ?? "Your message could not be sent. Please try again.";
    }
    return { values, errors, ...(parsed.error.issues.some((issue) => issue.path[0] === "formToken") ? {} : { formToken }) };
  }

  try {
    const requestHeaders = await headers();
    assertSameOriginHeaders(requestHeaders);
    await createContactRequest(siteContext(), parsed.data, { address: requestAddress(requestHeaders), visitor: await readVisitorId() });
  } catch (error) {
    const known = error instanceof HttpError && error.status < 500;
    const errors: ContactFormState["errors"] = { form: known ? failureMessage(error) : `${failureMessage(error)} What you wrote is still here.` };
    const fields = error instanceof HttpError ? (error.fields ?? {}) : {};
    for (const field of CONTACT_FIELDS) if (fields[field]) errors[field] = fields[field];
    // A token that was too new is sent again once the visitor has waited; a bad or old one is replaced.
    const keepToken = fields.formToken !== "invalid" && fields.formToken !== "expired";
    return { values, errors, ...(keepToken ? { formToken } : {}) };
  }
  const locale = form.get("locale");
  redirect(localePath(isLocale(locale) ? locale : DEFAULT_LOCALE, "/contact/sent"));
}
