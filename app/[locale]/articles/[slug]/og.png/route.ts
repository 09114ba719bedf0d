import { getPublishedArticle } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import { siteContext } from "@/lib/context";
import { handle } from "@/lib/http";
import { HttpError } from "@/lib/http-error";
import { socialCardPng, socialCardResponse } from "@/lib/seo/social-card";

// Drawn on request and kept per revision in memory (lib/seo/social-card.tsx), never in Next's cache.
export const dynamic = "force-dynamic";

// GET /articles/<slug>/og.png — the article's link-preview picture (Open Graph, Twitter)
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const slug = slugSchema.safeParse((await params).slug);
  const article = slug.success ? await getPublishedArticle(siteContext(), slug.data) : null;
  if (!article) throw new HttpError(404, "There is no such article.");
  const png = await socialCardPng(article.revisionId, { kicker: article.categoryName, title: article.title, description: article.description });
  return socialCardResponse(png);
});
