import type { ReactNode } from "react";
import { getSearchIndex, searchIndexUrl } from "@/lib/search/server";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Header, main landmark and footer of every customer page (and of the not-found page). */
export async function SiteChrome({ children }: { children: ReactNode }) {
  const { hash } = await getSearchIndex();
  return (
    <>
      <SiteHeader indexUrl={searchIndexUrl(hash)} />
      <main id="main" className="min-h-[60vh]">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
