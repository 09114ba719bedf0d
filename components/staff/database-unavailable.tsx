import { siteConfig } from "@/lib/site-config";

/**
 * Shown instead of a staff page while the database does not answer. A plain link retries: the
 * page works again as soon as the database is back, with no restart of anything.
 */
export function DatabaseUnavailable({ retryHref }: { retryHref: string }) {
  return (
    <main id="main" className="grid min-h-screen place-items-center bg-slate-100 px-4 py-12">
      <div role="alert" className="w-full max-w-lg rounded-2xl border border-amber-300 bg-white px-6 py-7 shadow-sm">
        <p className="text-sm font-semibold text-amber-800">{siteConfig.name} staff · 503</p>
        <h1 className="mt-2 text-xl font-bold text-slate-900">The staff area cannot reach its database</h1>
        <p className="mt-3 text-slate-700">
          The database is not answering right now, so this page cannot be shown and nothing can be saved. Everything saved before is kept. Customers still get
          the pages we have cached.
        </p>
        <p className="mt-3 text-slate-700">This page works again as soon as the database is back; nothing needs restarting.</p>
        <a href={retryHref} className="mt-5 inline-block rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Try again
        </a>
      </div>
    </main>
  );
}
