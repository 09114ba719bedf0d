import { z } from "zod";
import { slugSchema } from "@/lib/articles/slugs";
import { recordView } from "@/lib/feedback/service";
import { handle, readJson } from "@/lib/http";
import { siteContext } from "@/lib/context";
import { publicClient } from "@/lib/request-client";

const viewSchema = z.strictObject({ article: slugSchema });

// POST /api/views — count a view of an article (pages are cached, so the browser reports it)
export const POST = handle(async (request: Request) => {
  const { article } = await readJson(request, viewSchema, { maxBytes: 512 });
  await recordView(siteContext(), article, await publicClient(request));
  return new Response(null, { status: 204 });
});
