import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { getSearchIndex } from "@/lib/search/server";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Header, main landmark and footer of every customer page (and of the not-found page), in the page's language. */
export async function SiteChrome({ locale, children }: { locale: Locale; children: ReactNode }) {
  const { source } = await getSearchIndex("customers", locale);
  return (
    <>
      <SiteHeader source={source} locale={locale} />
      <main id="main" className="min-h-[60vh]">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
