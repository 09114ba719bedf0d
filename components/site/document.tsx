import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientTextProvider } from "@/components/i18n/client-text";
import { FEED_PATH } from "@/lib/feeds/atom";
import { OPENSEARCH_PATH } from "@/lib/feeds/opensearch";
import { languageTag, localePath, type Locale } from "@/lib/i18n/locales";
import { clientMessages } from "@/lib/i18n/messages";
import { brandColourProperties, siteConfig } from "@/lib/site-config";
import { absoluteUrl } from "@/lib/site-url";
import { THEME_SCRIPT } from "@/lib/theme";
import { SiteChrome } from "./site-chrome";

/**
 * The HTML document around every page: customer pages in each language (app/[locale]/layout.tsx),
 * the staff area (app/(staff)/layout.tsx) and the 404 for addresses no route matches
 * (app/global-not-found.tsx). Each is a root layout of its own, so `<html lang>` is the page's
 * language in the HTML the server sends.
 */
export function HtmlDocument({ lang, children }: { lang: string; children: ReactNode }) {
  return (
    // The theme script sets <html>'s class and data-theme before React hydrates: expected, not a mismatch.
    <html lang={lang} suppressHydrationWarning>
      {/* eslint-disable-next-line @next/next/no-head-element -- a root layout's own <head>, as app/layout.tsx had (next/head is for the Pages Router) */}
      <head>
        {/* The brand's colours (lib/site-config.ts), which the brand-* classes use (app/theme.css). */}
        <style dangerouslySetInnerHTML={{ __html: `:root{${brandColourProperties()}}` }} />
        {/* Before the first paint: the reader's light or dark theme (lib/theme.ts). */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}

/**
 * A customer page's document in its language: the feed and search links, the client components'
 * strings (ClientTextProvider) and the header and footer around `children`.
 */
export async function CustomerDocument({ locale, children }: { locale: Locale; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "Site" });
  return (
    <HtmlDocument lang={languageTag(locale)}>
      {/* React places these in <head>: the Atom feed for feed readers, the OpenSearch description for the address bar. */}
      <link rel="alternate" type="application/atom+xml" title={t("feedTitle", { name: siteConfig.name })} href={absoluteUrl(FEED_PATH)} />
      <link rel="search" type="application/opensearchdescription+xml" title={siteConfig.name} href={absoluteUrl(OPENSEARCH_PATH)} />
      <ClientTextProvider locale={locale} tag={languageTag(locale)} prefix={localePath(locale, "")} text={await clientMessages(locale)}>
        <SiteChrome locale={locale}>{children}</SiteChrome>
      </ClientTextProvider>
    </HtmlDocument>
  );
}
