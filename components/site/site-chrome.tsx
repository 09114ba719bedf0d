import type { ReactNode } from "react";
import { getSearchIndex } from "@/lib/search/server";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Header, main landmark and footer of every customer page (and of the not-found page). */
export async function SiteChrome({ children }: { children: ReactNode }) {
  const { source } = await getSearchIndex();
  return (
    <>
      <SiteHeader source={source} />
      <main id="main" className="min-h-[60vh]">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
