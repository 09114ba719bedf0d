import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site-url";

// Read on every request, so the sitemap's address follows SITE_URL without a rebuild.
export const dynamic = "force-dynamic";

// Search results and the staff area stay out of crawlers' way (staff pages are also noindex).
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", "/search", "/staff"] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
