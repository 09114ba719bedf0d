import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ArticleView } from "@/components/article/article-view";
import { InternalBanner } from "@/components/article/internal-banner";
import { getStaffContext } from "@/lib/auth/current";
import { findRenamedArticleSlugForStaff, getArticleForStaff, getRelatedArticlesForStaff } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";

// An internal article, read by signed-in staff at its normal address: proxy.ts rewrites
// /articles/<slug> here only for a valid staff session, and answers this path 404 when asked for it
// directly. Rendered on every request and never cached (not in Next's cache, and Next marks it
// private, no-store, which the page cache never keeps), so no copy exists for anyone else to get.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Staff read an internal article in its own language (the page's language only frames it).
const load = cache(async (rawSlug: string) => {
  const slug = slugSchema.safeParse(rawSlug);
  if (!slug.success) notFound();
  const ctx = await getStaffContext();
  // Checked here too, where the article is read: without a session the address does not exist
  // (404, not a sign-in page, so nobody learns an internal article is there).
  if (!ctx.actor) notFound();
  const article = await getArticleForStaff(ctx, slug.data);
  if (article) return { ctx, article };
  const renamed = await findRenamedArticleSlugForStaff(ctx, slug.data);
  if (renamed) permanentRedirect(`/articles/${renamed}`);
  notFound();
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await load((await params).slug);
  return { title: article.title, description: article.description, robots: { index: false, follow: false } };
}

// No rating widget, view count or contact form: those measure and serve customers.
export default async function InternalArticlePage({ params }: Props) {
  const { locale, slug } = await params;
  const { ctx, article } = await load(slug);
  const related = await getRelatedArticlesForStaff(ctx, article);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <ArticleView article={article} locale={locale} related={related} notice={article.audience === "internal" ? <InternalBanner /> : undefined} />
    </div>
  );
}
