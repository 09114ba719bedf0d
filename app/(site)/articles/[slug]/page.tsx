import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ArticleSection } from "@/components/article/article-list";
import { Breadcrumbs } from "@/components/article/breadcrumbs";
import { StillNeedHelp } from "@/components/article/still-need-help";
import { TableOfContents } from "@/components/article/table-of-contents";
import { RatingWidget } from "@/components/feedback/rating-widget";
import { ViewBeacon } from "@/components/feedback/view-beacon";
import { MdxContent } from "@/components/mdx/mdx-content";
import { JsonLd } from "@/components/seo/json-ld";
import { findRenamedArticleSlug, getPublishedArticle, getRelatedArticles } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import { renderArticleBody } from "@/lib/articles/rendered";
import { siteContext } from "@/lib/context";
import { questionsAndAnswers } from "@/lib/seo/faq";
import { articleCardPath, pageMetadata } from "@/lib/seo/metadata";
import { articleJsonLd, breadcrumbJsonLd, faqJsonLd } from "@/lib/seo/structured-data";
import { siteOrigin } from "@/lib/site-url";
import { formatLongDate } from "@/lib/format";

// Publishing from the staff area refreshes the page at once. This minute bounds how long a page can
// stay behind when its render was already under way at the moment of a publish, or when
// `npm run content:import` changed the database from another process.
export const revalidate = 60;

// Rendered on first visit, then cached: nothing is read from the database at build time.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

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
  return pageMetadata({
    title: article.title,
    description: article.description,
    path: `/articles/${article.slug}`,
    type: "article",
    image: { path: articleCardPath(article.slug, article.revisionId), alt: `${article.title}: ${article.description}` },
    alternateTypes: { "text/markdown": `/articles/${article.slug}.md` },
    modifiedTime: article.updatedAt,
    section: article.categoryName,
    tags: article.tags,
  });
}

export default async function ArticlePage({ params }: Props) {
  const article = await load((await params).slug);
  const { tree, headings, wordCount } = await renderArticleBody(article);
  const related = await getRelatedArticles(siteContext(), article);
  const minutes = Math.max(1, Math.round(wordCount / 220));
  const origin = siteOrigin();
  const faq = questionsAndAnswers(tree);
  const trail = [
    { name: "Home", path: "/" },
    { name: article.categoryName, path: `/categories/${article.categorySlug}` },
    { name: article.title, path: `/articles/${article.slug}` },
  ];

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <ViewBeacon article={article.slug} />
      <JsonLd
        data={[
          articleJsonLd({ ...article, imagePath: articleCardPath(article.slug, article.revisionId), wordCount }, origin),
          breadcrumbJsonLd(trail, origin),
          ...(faq ? [faqJsonLd(faq)] : []),
        ]}
      />
      <Breadcrumbs
        items={[{ href: "/", label: "Home" }, { href: `/categories/${article.categorySlug}`, label: article.categoryName }, { label: article.title }]}
      />
      {/* One table of contents: above the text on small screens, beside it (sticky) on large ones. */}
      <article className="mt-6 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-x-12">
        <header className="mb-8 border-b border-slate-200 pb-6 lg:col-start-1">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{article.title}</h1>
          <p className="mt-3 text-lg text-slate-600">{article.description}</p>
          <p className="mt-4 text-sm text-slate-600">
            Last updated <time dateTime={article.updatedAt.toISOString().slice(0, 10)}>{formatLongDate(article.updatedAt)}</time> · {minutes} min read
          </p>
        </header>
        <TableOfContents
          headings={headings}
          className="mb-8 print:hidden lg:sticky lg:top-6 lg:col-start-2 lg:row-span-3 lg:row-start-1 lg:mb-0 lg:self-start"
        />
        <div className="min-w-0 lg:col-start-1">
          <MdxContent tree={tree} />
        </div>
        <div className="mt-12 space-y-10 print:hidden lg:col-start-1">
          <RatingWidget article={article.slug} />
          {related.length > 0 && <ArticleSection id="related" title="Related articles" articles={related} />}
          <StillNeedHelp articleSlug={article.slug} />
        </div>
      </article>
    </div>
  );
}
