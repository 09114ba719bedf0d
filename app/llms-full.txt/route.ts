import { getFullLibraryMarkdown } from "@/lib/feeds/full-text";
import { machineResponse } from "@/lib/feeds/response";
import { handle } from "@/lib/http";

export const dynamic = "force-dynamic";

// GET /llms-full.txt — every published article's Markdown in one document
export const GET = handle(async () => machineResponse(await getFullLibraryMarkdown(), "text/plain"));
