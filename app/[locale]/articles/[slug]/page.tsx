import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ArticleView } from "@/components/article/article-view";
import { StillNeedHelp } from "@/components/article/still-need-help";
import { RatingWidget } from "@/components/feedback/rating-widget";
import { ViewBeacon } from "@/components/feedback/view-beacon";
import { JsonLd } from "@/components/seo/json-ld";
import { findRenamedArticleSlug, getPublishedArticle, getRelatedArticles, listArticleVersions } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import { renderArticleBody } from "@/lib/articles/rendered";
import { siteContext } from "@/lib/context";
import { DEFAULT_LOCALE, isLocale, localePath, type Locale } from "@/lib/i18n/locales";
import { getTranslations } from "next-intl/server";
import { questionsAndAnswers } from "@/lib/seo/faq";
import { articleCardPath, pageMetadata } from "@/lib/seo/metadata";
import { articleJsonLd, breadcrumbJsonLd, faqJsonLd } from "@/lib/seo/structured-data";
import { siteOrigin } from "@/lib/site-url";

// Publishing from the staff area refreshes the page at once. This minute bounds how long a page can
// stay behind when its render was already under way at the moment of a publish, or when
// `npm run content:import` changed the database from another process.
export const revalidate = 60;

// Rendered on first visit, then cached: nothing is read from the database at build time.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

/**
 * The article at /<locale>/articles/<slug>, with every language it can be read in. Customer reads
 * only: an internal article is not found here, whoever asks (proxy.ts sends signed-in staff to
 * app/[locale]/internal-articles, which renders it per request, outside every cache).
 *
 * Each version of an article has one address, in its own language: a translation is read under its
 * language's prefix, and a source under a language it is translated into goes to the translation.
 * A source with no translation in the page's language is shown there, with a notice: an
 * untranslated article stays reachable. Redirects are permanent (308): the addresses do not move.
 */
const load = cache(async (locale: Locale, rawSlug: string) => {
  const slug = slugSchema.safeParse(rawSlug);
  if (!slug.success || !isLocale(locale)) notFound();
  const article = await getPublishedArticle(siteContext(), slug.data, locale);
  if (!article) {
    // A renamed article keeps its old URL. permanentRedirect() is the App Router's permanent
    // redirect: Next answers 308 (the method-preserving 301), which search engines treat alike.
    const renamed = await findRenamedArticleSlug(siteContext(), slug.data);
    if (renamed) permanentRedirect(localePath(locale, `/articles/${renamed}`));
    notFound();
  }
  const versions = await listArticleVersions(siteContext(), article.sourceId);
  if (article.locale !== locale) {
    const own = versions.find((version) => version.locale === locale);
    // A translation asked for in another language is read in its own; so is a source where a
    // translation exists. Otherwise the source is shown here, as a fallback.
    const target = own ?? (article.locale !== DEFAULT_LOCALE ? { locale: article.locale, slug: article.slug } : null);
    if (target) permanentRedirect(localePath(target.locale, `/articles/${target.slug}`));
  }
  return { article, versions };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const { article, versions } = await load(locale, slug);
  // A fallback is the source's own text at another address: search engines are pointed to the source.
  const canonical = localePath(article.locale, `/articles/${article.slug}`);
  return pageMetadata({
    locale,
    title: article.title,
    description: article.description,
    path: canonical,
    languages: Object.fromEntries(versions.map((version) => [version.locale, localePath(version.locale, `/articles/${version.slug}`)])),
    type: "article",
    image: { path: articleCardPath(article.slug, article.revisionId), alt: `${article.title}: ${article.description}` },
    alternateTypes: { "text/markdown": `/articles/${article.slug}.md` },
    modifiedTime: article.updatedAt,
    section: article.categoryName,
    tags: article.tags,
  });
}

export default async function ArticlePage({ params }: Props) {
  const { locale, slug } = await params;
  const { article } = await load(locale, slug);
  // Compiled once per revision and kept: ArticleView gets the same tree.
  const [{ tree, wordCount }, related, site] = await Promise.all([
    renderArticleBody(article),
    getRelatedArticles(siteContext(), article, 4, locale),
    getTranslations({ locale, namespace: "Site" }),
  ]);
  const origin = siteOrigin();
  const faq = questionsAndAnswers(tree);
  const trail = [
    { name: site("home"), path: localePath(locale, "/") },
    { name: article.categoryName, path: localePath(locale, `/categories/${article.categorySlug}`) },
    { name: article.title, path: localePath(locale, `/articles/${article.slug}`) },
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
      <ArticleView
        article={article}
        locale={locale}
        related={related}
        footer={<RatingWidget article={article.slug} />}
        after={<StillNeedHelp articleSlug={article.slug} locale={locale} />}
      />
    </div>
  );
}
