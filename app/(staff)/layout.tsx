import type { Metadata } from "next";
import type { ReactNode } from "react";
import { HtmlDocument } from "@/components/site/document";
import { DEFAULT_LOCALE, languageTag } from "@/lib/i18n/locales";
import { rootMetadata, rootViewport } from "@/lib/seo/root-metadata";
import "../globals.css";

// The staff area's root layout, in the default language. It is never indexed (next.config.ts also
// sends X-Robots-Tag, robots.txt disallows it).
export const metadata: Metadata = {
  ...rootMetadata,
  title: { default: "Staff", template: "%s · Staff" },
  robots: { index: false, follow: false },
};
export const viewport = rootViewport;

export default function StaffRootLayout({ children }: { children: ReactNode }) {
  return <HtmlDocument lang={languageTag(DEFAULT_LOCALE)}>{children}</HtmlDocument>;
}
