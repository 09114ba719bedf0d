import { buildAtomFeed } from "@/lib/feeds/atom";
import { getLibrarySnapshot } from "@/lib/feeds/library";
import { machineResponse } from "@/lib/feeds/response";
import { handle } from "@/lib/http";
import { siteOrigin } from "@/lib/site-url";

export const dynamic = "force-dynamic";

// GET /feed.xml — Atom feed of new and updated articles
export const GET = handle(async () => machineResponse(buildAtomFeed(await getLibrarySnapshot(), siteOrigin()), "application/atom+xml"));
