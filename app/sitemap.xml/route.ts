import { buildSitemap } from "@/lib/feeds/sitemap";
import { getLibrarySnapshot } from "@/lib/feeds/library";
import { machineResponse } from "@/lib/feeds/response";
import { handle } from "@/lib/http";
import { siteOrigin } from "@/lib/site-url";

// Read on every request from a snapshot of the library that follows each publish (lib/feeds/library.ts).
export const dynamic = "force-dynamic";

// GET /sitemap.xml — every published article and category, with when it last changed
export const GET = handle(async () => machineResponse(buildSitemap(await getLibrarySnapshot(), siteOrigin()), "application/xml"));
