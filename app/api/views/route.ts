import { z } from "zod";
import { slugSchema } from "@/lib/content/schema";
import { recordView } from "@/lib/feedback/service";
import { handle, readJson } from "@/lib/http";

const viewSchema = z.strictObject({ article: slugSchema });

// POST /api/views — count a view of an article (pages are cached, so the browser reports it)
export const POST = handle(async (request: Request) => {
  const { article } = await readJson(request, viewSchema, { maxBytes: 512 });
  await recordView(article);
  return new Response(null, { status: 204 });
});
