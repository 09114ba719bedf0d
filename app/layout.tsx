import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { brandColourProperties, siteConfig } from "@/lib/site-config";
import { THEME_SCRIPT } from "@/lib/theme";
import { siteOrigin } from "@/lib/site-url";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: siteConfig.name, template: `%s · ${siteConfig.name}` },
  description: siteConfig.description,
  // Canonical links and share cards are written out in full from the public address (lib/site-url.ts).
  metadataBase: new URL(siteOrigin()),
};

export const viewport: Viewport = { themeColor: "#0f172a" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets <html>'s class and data-theme before React hydrates: expected, not a mismatch.
    <html lang={siteConfig.locale} suppressHydrationWarning>
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
