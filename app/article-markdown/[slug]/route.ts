import { articleMarkdown } from "@/lib/articles/markdown";
import { getPublishedArticle } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import { siteContext } from "@/lib/context";
import { machineResponse } from "@/lib/feeds/response";
import { handle } from "@/lib/http";
import { HttpError } from "@/lib/http-error";
import { absoluteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

// GET /articles/<slug>.md — an article as Markdown. proxy.ts rewrites that address here after
// checking the article exists, and answers this route's own address with the 404 page.
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const slug = slugSchema.safeParse((await params).slug);
  const article = slug.success ? await getPublishedArticle(siteContext(), slug.data) : null;
  if (!article) throw new HttpError(404, "There is no such article.");
  return machineResponse(await articleMarkdown(article), "text/markdown", { canonical: absoluteUrl(`/articles/${article.slug}`) });
});
