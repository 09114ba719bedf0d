import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { CustomerDocument } from "@/components/site/document";
import { isLocale, LOCALES } from "@/lib/i18n/locales";
import { rootMetadata, rootViewport } from "@/lib/seo/root-metadata";
import "../globals.css";

// The root layout of every customer page, one per language. The default language's pages keep
// their unprefixed addresses: proxy.ts rewrites /articles/x to /en/articles/x, so the language is
// always this segment, and `<html lang>` is right in the HTML the server sends.
export const metadata: Metadata = rootMetadata;
export const viewport = rootViewport;

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  // A first segment that is not a language is no address of ours (proxy.ts sends those to the 404 before this).
  if (!isLocale(locale)) notFound();
  // Lets next-intl's server functions know the language without reading request headers.
  setRequestLocale(locale);
  return <CustomerDocument locale={locale}>{children}</CustomerDocument>;
}
