import type { ReactNode } from "react";
import { brandColourProperties } from "@/lib/site-config";
import { THEME_SCRIPT } from "@/lib/theme";

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
