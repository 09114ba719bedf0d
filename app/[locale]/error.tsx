"use client";

import { useEffect } from "react";
import { useClientText, usePageLocale } from "@/components/i18n/client-text";
import { fillText } from "@/lib/i18n/fill-text";
import { localePath } from "@/lib/i18n/locales";

// No next/link here: this boundary loads with every page, and importing Link put a second copy of it
// (3 KB gzip) in every page's JavaScript. A plain link is also the surer way out of a broken page.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const text = useClientText("Error");
  const locale = usePageLocale();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-16 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{text.heading}</h1>
      <p className="text-lg text-slate-600">{text.text}</p>
      <form action={localePath(locale, "/search")} method="get" role="search" className="flex gap-2">
        <label htmlFor="error-search" className="sr-only">
          {text.searchLabel}
        </label>
        <input id="error-search" name="q" type="search" placeholder={text.searchPlaceholder} className="flex-1 rounded-lg border border-slate-300 px-3 py-2" />
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white">
          {text.search}
        </button>
      </form>
      <div className="flex gap-4">
        <button type="button" onClick={reset} className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium">
          {text.retry}
        </button>
        <a href={localePath(locale, "/contact")} className="rounded-lg px-4 py-2 font-medium text-brand-700 underline">
          {text.contact}
        </a>
      </div>
      {error.digest && <p className="text-sm text-slate-500">{fillText(text.reference, { digest: error.digest })}</p>}
    </main>
  );
}
