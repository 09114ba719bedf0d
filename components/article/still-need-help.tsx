import Link from "next/link";
import { siteConfig } from "@/lib/site-config";

export function StillNeedHelp({ articleSlug }: { articleSlug?: string }) {
  const href = articleSlug ? `/contact?article=${articleSlug}` : "/contact";
  return (
    <section aria-labelledby="still-need-help" className="rounded-2xl bg-chrome px-6 py-8 text-chrome-fg sm:px-10">
      <h2 id="still-need-help" className="text-2xl font-semibold tracking-tight">
        Still need help?
      </h2>
      <p className="mt-2 max-w-xl text-chrome-muted">
        Our support team is made of real people who know hosting. {siteConfig.support.hours}. {siteConfig.support.responseTime}
      </p>
      <Link
        href={href}
        className="mt-5 inline-flex items-center rounded-lg bg-chrome-fg px-5 py-2.5 font-semibold text-chrome hover:bg-chrome-muted focus-visible:outline-chrome-fg"
      >
        Contact us
      </Link>
    </section>
  );
}
