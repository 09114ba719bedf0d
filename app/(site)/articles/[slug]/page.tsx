import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ArticleView } from "@/components/article/article-view";
import { StillNeedHelp } from "@/components/article/still-need-help";
import { RatingWidget } from "@/components/feedback/rating-widget";
import { ViewBeacon } from "@/components/feedback/view-beacon";
import { findRenamedArticleSlug, getPublishedArticle, getRelatedArticles } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import { siteContext } from "@/lib/context";

// Publishing from the staff area refreshes the page at once. This minute bounds how long a page can
// stay behind when its render was already under way at the moment of a publish, or when
// `npm run content:import` changed the database from another process.
export const revalidate = 60;

// Rendered on first visit, then cached: nothing is read from the database at build time.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

// Customer reads only: an internal article is not found here, whoever asks (proxy.ts sends signed-in
// staff to app/(site)/internal-articles, which renders it per request, outside every cache).
const load = cache(async (rawSlug: string) => {
  const slug = slugSchema.safeParse(rawSlug);
  if (!slug.success) notFound();
  const article = await getPublishedArticle(siteContext(), slug.data);
  if (article) return article;
  // A renamed article keeps its old URL. permanentRedirect() is the App Router's permanent
  // redirect: Next answers 308 (the method-preserving 301), which search engines treat alike.
  const renamed = await findRenamedArticleSlug(siteContext(), slug.data);
  if (renamed) permanentRedirect(`/articles/${renamed}`);
  notFound();
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load((await params).slug);
  return { title: article.title, description: article.description };
}

export default async function ArticlePage({ params }: Props) {
  const article = await load((await params).slug);
  const related = await getRelatedArticles(siteContext(), article);
  return (
    <>
      <ViewBeacon article={article.slug} />
      <ArticleView article={article} related={related} footer={<RatingWidget article={article.slug} />} after={<StillNeedHelp articleSlug={article.slug} />} />
    </>
  );
}
