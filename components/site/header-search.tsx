"use client";

import { usePathname } from "next/navigation";
import { SearchBox } from "../search/search-box";

/** Pages with their own large search box (home, /search) don't need a second one up here. */
const PAGES_WITH_OWN_SEARCH = new Set(["/", "/search"]);

export function HeaderSearch({ indexUrl }: { indexUrl: string }) {
  const pathname = usePathname();
  if (PAGES_WITH_OWN_SEARCH.has(pathname)) return null;
  return (
    <div className="order-last w-full sm:order-none sm:ml-auto sm:w-80">
      <SearchBox indexUrl={indexUrl} placeholder="Search articles" />
    </div>
  );
}
