"use client";

import { useEffect } from "react";

// The staff area's error page (customer pages have their own, in their language, app/[locale]/error.tsx).
// No next/link here: this boundary loads with every page, and importing Link put a second copy of it
// (3 KB gzip) in every page's JavaScript. A plain link is also the surer way out of a broken page.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-16 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Something went wrong on our side</h1>
      <p className="text-lg text-slate-600">Please try again. If it keeps happening, tell whoever runs this help center, with the reference below.</p>
      <div className="flex gap-4">
        <button type="button" onClick={reset} className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium">
          Try again
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain link on purpose (above) */}
        <a href="/staff" className="rounded-lg px-4 py-2 font-medium text-brand-700 underline">
          Staff home
        </a>
      </div>
      {error.digest && <p className="text-sm text-slate-500">Reference: {error.digest}</p>}
    </main>
  );
}
