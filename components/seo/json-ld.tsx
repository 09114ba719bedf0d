import { serializeJsonLd } from "@/lib/seo/structured-data";

type JsonLdValue = Parameters<typeof serializeJsonLd>[0];

/**
 * Structured data for search engines. A JSON-LD script is data, never run, so the page's
 * Content-Security-Policy (script-src) does not apply to it; its text is escaped so it cannot
 * close the element (lib/seo/structured-data.ts serializeJsonLd).
 */
export function JsonLd({ data }: { data: JsonLdValue }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
