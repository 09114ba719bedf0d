import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientTextProvider } from "@/components/i18n/client-text";
import { HtmlDocument } from "@/components/site/document";
import { SiteChrome } from "@/components/site/site-chrome";
import { FEED_PATH } from "@/lib/feeds/atom";
import { OPENSEARCH_PATH } from "@/lib/feeds/opensearch";
import { clientMessages } from "@/lib/i18n/messages";
import { isLocale, LOCALES, languageTag } from "@/lib/i18n/locales";
import { rootMetadata, rootViewport } from "@/lib/seo/root-metadata";
import { siteConfig } from "@/lib/site-config";
import { absoluteUrl } from "@/lib/site-url";
import "../globals.css";

// The root layout of every customer page, one per language. The default language's pages keep
// their unprefixed addresses: proxy.ts rewrites /articles/x to /en/articles/x, so the language is
// always this segment, and `<html lang>` is right in the HTML the server sends.
export const metadata: Metadata = rootMetadata;
export const viewport = rootViewport;

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

// A first segment that is not a language is no address of ours (proxy.ts sends those to the 404).
export const dynamicParams = false;

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  // Lets next-intl's server functions know the language without reading request headers.
  setRequestLocale(locale);
  return (
    <HtmlDocument lang={languageTag(locale)}>
      {/* React places these in <head>: the Atom feed for feed readers, the OpenSearch description for the address bar. */}
      <link rel="alternate" type="application/atom+xml" title={`${siteConfig.name}: new and updated articles`} href={absoluteUrl(FEED_PATH)} />
      <link rel="search" type="application/opensearchdescription+xml" title={siteConfig.name} href={absoluteUrl(OPENSEARCH_PATH)} />
      <ClientTextProvider locale={locale} tag={languageTag(locale)} text={await clientMessages(locale)}>
        <SiteChrome locale={locale}>{children}</SiteChrome>
      </ClientTextProvider>
    </HtmlDocument>
  );
}
