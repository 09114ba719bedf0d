import { getLibrarySnapshot } from "@/lib/feeds/library";
import { buildLlmsTxt } from "@/lib/feeds/llms";
import { machineResponse } from "@/lib/feeds/response";
import { handle } from "@/lib/http";
import { siteOrigin } from "@/lib/site-url";

export const dynamic = "force-dynamic";

// GET /llms.txt — the library for language models: each category's articles, linked to their Markdown
export const GET = handle(async () => machineResponse(buildLlmsTxt(await getLibrarySnapshot(), siteOrigin()), "text/plain"));
