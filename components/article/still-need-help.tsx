import Link from "next/link";
import { siteConfig } from "@/lib/site-config";

export function StillNeedHelp({ articleSlug }: { articleSlug?: string }) {
  const href = articleSlug ? `/contact?article=${articleSlug}` : "/contact";
  return (
    <section aria-labelledby="still-need-help" className="rounded-2xl bg-slate-900 px-6 py-8 text-white sm:px-10">
      <h2 id="still-need-help" className="text-2xl font-semibold tracking-tight">
        Still need help?
      </h2>
      <p className="mt-2 max-w-xl text-slate-300">
        Our support team is made of real people who know hosting. {siteConfig.support.hours}. {siteConfig.support.responseTime}
      </p>
      <Link
        href={href}
        className="mt-5 inline-flex items-center rounded-lg bg-white px-5 py-2.5 font-semibold text-slate-900 hover:bg-brand-50 focus-visible:outline-white"
      >
        Contact us
      </Link>
    </section>
  );
}
