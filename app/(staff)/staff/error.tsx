"use client";

import { useEffect } from "react";

// A staff page that failed after its layout loaded (the database went away meanwhile, or a bug).
// The message cannot tell which: in production Next.js hands error boundaries no details.
export default function StaffError({ error }: { error: Error & { digest?: string } }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-16">
      <h1 className="text-2xl font-bold text-slate-900">This staff page could not be loaded</h1>
      <p className="text-slate-700">
        Something failed on the server, often the database not answering. Nothing you saved before is lost. Try again in a moment.
      </p>
      {/* A full load, not reset(): the layout above may need to run again too. */}
      <a href="" className="inline-block rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        Try again
      </a>
      {error.digest && <p className="text-sm text-slate-500">Reference: {error.digest}</p>}
    </main>
  );
}
