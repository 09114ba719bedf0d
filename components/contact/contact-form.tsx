"use client";

// "Contact our support team": checked here, sent to POST /api/contact, and every failure said
// without losing what was typed. Without JavaScript the same form posts to a server action
// (./actions.ts), which sends it or brings the form back with what was typed and why.
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { FillText, useClientText, useLocalePath, usePageLanguageTag, usePageLocale } from "@/components/i18n/client-text";
import { contactSchema } from "@/lib/contact/schema";
import { fillText } from "@/lib/i18n/fill-text";
import { sendContactAction } from "./actions";
import { ContactSent } from "./contact-sent";
import { problemText } from "./problem-text";
import type { ContactField as Fields } from "./form-state";

interface Props {
  article?: { slug: string; title: string } | undefined;
  initialMessage?: string;
  /** Signed time the page was made (lib/contact/form-token.ts): sent back with the message. */
  formToken: string;
  /** The server refuses messages sent sooner than this after the page was made. */
  minSeconds: number;
}

export function ContactForm({ article, initialMessage = "", formToken: pageToken, minSeconds }: Props) {
  const id = useId();
  const text = useClientText("Contact");
  const tag = usePageLanguageTag();
  // Posted without JavaScript and refused: the page comes back with this.
  const localePath = useLocalePath();
  const locale = usePageLocale();
  const [posted, formAction] = useActionState(
    sendContactAction,
    null,
    localePath(article ? `/contact?article=${encodeURIComponent(article.slug)}` : "/contact"),
  );
  // The first token, unless it was refused or never signed (the database was away): then this page's own.
  const formToken = posted?.formToken || pageToken;
  // When the form appeared; a message finished sooner than the server allows waits out the rest.
  const shownAt = useRef(0);
  useEffect(() => {
    shownAt.current = performance.now();
  }, []);
  const [errors, setErrors] = useState<Partial<Record<Fields | "form", string>>>(posted?.errors ?? {});
  const [sent, setSent] = useState<{ name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const doneRef = useRef<HTMLHeadingElement>(null);

  // Move focus to the confirmation once it is on screen, so screen readers announce it.
  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      message: String(form.get("message") ?? ""),
      ...(article ? { article: article.slug } : {}),
      formToken,
      website: String(form.get("website") ?? ""),
    };
    const parsed = contactSchema.safeParse(input);
    if (!parsed.success) {
      const found: typeof errors = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as Fields] ??= problemText(issue, text, tag);
      setErrors(found);
      focusFirstError(event.currentTarget, found);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const early = minSeconds * 1000 - (performance.now() - shownAt.current);
      if (early > 0) await new Promise((resolve) => setTimeout(resolve, early + 250));
      const response = await fetch("/api/contact", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(parsed.data),
        signal: AbortSignal.timeout(15_000),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        const form = data.error ?? text.notSent;
        // The form is left as it is: say so, so nobody retypes a long message.
        setErrors({ ...(data.fields ?? {}), form: response.status >= 500 ? fillText(text.stillHere, { error: form }) : form });
        return;
      }
      setSent({ name: parsed.data.name });
    } catch {
      setErrors({ form: text.offline });
    } finally {
      setBusy(false);
    }
  }

  if (sent) return <ContactSent name={sent.name} headingRef={doneRef} />;

  const field = (name: Fields) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
    className: `mt-1.5 w-full rounded-lg border px-3 py-2.5 text-slate-900 focus:ring-4 focus:ring-brand-600/25 focus:outline-none ${
      errors[name] ? "border-red-600" : "border-slate-300 focus:border-brand-700"
    }`,
  });
  const errorText = (name: Fields) =>
    errors[name] && (
      <p id={`${id}-${name}-error`} className="mt-1.5 text-sm font-medium text-red-700">
        {errors[name]}
      </p>
    );

  return (
    <form noValidate action={formAction} onSubmit={onSubmit} className="space-y-5 rounded-2xl border border-slate-200 bg-white px-6 py-6">
      {article && <input type="hidden" name="article" value={article.slug} />}
      <input type="hidden" name="formToken" value={formToken} />
      {/* Sent without JavaScript, the confirmation page is in the same language. */}
      <input type="hidden" name="locale" value={locale} />
      {article && (
        <p className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-700">
          <FillText template={text.aboutArticle} values={{ title: <span className="font-medium text-slate-900">{article.title}</span> }} />
        </p>
      )}
      {errors.form && (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm font-medium text-red-800">
          {errors.form}
        </p>
      )}
      {/* Hidden from people and their assistive technology; scripts that fill every field fill this too. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor={`${id}-website`}>{text.leaveEmpty}</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <div>
        <label htmlFor={`${id}-name`} className="block font-medium text-slate-900">
          {text.name}
        </label>
        <input {...field("name")} type="text" autoComplete="name" maxLength={100} defaultValue={posted?.values.name} />
        {errorText("name")}
      </div>
      <div>
        <label htmlFor={`${id}-email`} className="block font-medium text-slate-900">
          {text.email}
        </label>
        <input {...field("email")} type="email" autoComplete="email" maxLength={254} defaultValue={posted?.values.email} />
        {errorText("email")}
      </div>
      <div>
        <label htmlFor={`${id}-message`} className="block font-medium text-slate-900">
          {text.message}
        </label>
        <textarea {...field("message")} rows={6} maxLength={5000} defaultValue={posted?.values.message ?? initialMessage} />
        {errorText("message")}
      </div>
      <button
        type="submit"
        disabled={busy}
        className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-60"
      >
        {busy ? text.sending : text.send}
      </button>
    </form>
  );
}

function focusFirstError(form: HTMLFormElement, errors: Partial<Record<string, string>>) {
  const first = (["name", "email", "message"] as const).find((name) => errors[name]);
  if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus();
}
