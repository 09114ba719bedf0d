import Link from "next/link";
import type { SearchSource } from "@/lib/search/config";
import { siteConfig } from "@/lib/site-config";
import { SearchBox } from "../search/search-box";
import { SkipLink } from "../ui/skip-link";

export function SiteHeader({ source }: { source: SearchSource }) {
  return (
    <header className="border-b border-slate-800 bg-slate-900 text-white">
      <SkipLink />
      <div className="mx-auto grid max-w-6xl grid-cols-[1fr_auto] items-center gap-x-6 gap-y-3 px-4 py-3 sm:grid-cols-[auto_1fr_auto] sm:px-6">
        <Link href="/" className="flex items-center gap-2.5 justify-self-start rounded font-semibold tracking-tight">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand-600 text-lg font-bold">
            H
          </span>
          <span className="text-lg">{siteConfig.name}</span>
        </Link>
        {/* Hidden by globals.css on pages that have their own large search box. */}
        <div data-header-search className="col-span-2 row-start-2 sm:col-span-1 sm:col-start-2 sm:row-start-1 sm:w-80 sm:justify-self-end">
          <SearchBox source={source} placeholder="Search articles" />
        </div>
        <nav aria-label="Main" className="justify-self-end text-sm sm:col-start-3">
          <Link href="/contact" className="rounded-lg px-3 py-2 font-medium text-slate-200 hover:bg-slate-800 hover:text-white">
            Contact support
          </Link>
        </nav>
      </div>
    </header>
  );
}
