import type { Metadata } from "next";
import { CustomerDocument } from "@/components/site/document";
import { NotFoundContent } from "@/components/site/not-found-content";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { rootMetadata, rootViewport } from "@/lib/seo/root-metadata";
import "./globals.css";

export const metadata: Metadata = { ...rootMetadata, title: "Page not found" };
export const viewport = rootViewport;

// Addresses no route matches at all, in the default language. proxy.ts answers the customer
// addresses it knows to be unknown with the 404 of their own language (app/[locale]/not-found-page).
export default function GlobalNotFound() {
  return (
    <CustomerDocument locale={DEFAULT_LOCALE}>
      <NotFoundContent locale={DEFAULT_LOCALE} />
    </CustomerDocument>
  );
}
