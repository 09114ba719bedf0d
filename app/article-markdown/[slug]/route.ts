import { articleMarkdown } from "@/lib/articles/markdown";
import { findRenamedArticleSlug, getPublishedArticle } from "@/lib/articles/reads";
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
  if (!slug.success) throw new HttpError(404, "There is no such article.");
  const article = await getPublishedArticle(siteContext(), slug.data);
  if (!article) {
    // An old slug of a renamed article: to the new copy, permanently. A relative Location, as the
    // request's own origin may not be the public one (app/search-index/[file]/route.ts).
    const renamed = await findRenamedArticleSlug(siteContext(), slug.data);
    if (renamed) return new Response(null, { status: 308, headers: { Location: `/articles/${renamed}.md`, "Cache-Control": "public, max-age=60" } });
    throw new HttpError(404, "There is no such article.");
  }
  return machineResponse(await articleMarkdown(article), "text/markdown", { canonical: absoluteUrl(`/articles/${article.slug}`) });
});
