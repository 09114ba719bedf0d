import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArticleList } from "@/components/article/article-list";
import { StillNeedHelp } from "@/components/article/still-need-help";
import { SearchBox } from "@/components/search/search-box";
import { JsonLd } from "@/components/seo/json-ld";
import { getPopularArticles, listCategories } from "@/lib/articles/reads";
import { getSearchIndex } from "@/lib/search/server";
import { brandText } from "@/lib/i18n/brand";
import { localePath } from "@/lib/i18n/locales";
import { siteContext } from "@/lib/context";
import { everyLanguage, pageMetadata } from "@/lib/seo/metadata";
import { websiteJsonLd } from "@/lib/seo/structured-data";
import { siteOrigin } from "@/lib/site-url";

// As for articles: refreshed at once on publish, and at most a minute behind otherwise.
export const revalidate = 60;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return pageMetadata({ locale, path: localePath(locale, "/"), languages: everyLanguage("/"), description: (await brandText(locale)).description });
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  const [categories, popular, index, t, brand] = await Promise.all([
    listCategories(siteContext(), locale),
    getPopularArticles(siteContext(), 6, locale),
    getSearchIndex("customers", locale),
    getTranslations({ locale, namespace: "Site" }),
    brandText(locale),
  ]);
  return (
    <>
      <JsonLd data={websiteJsonLd(siteOrigin())} />
      <section className="bg-gradient-to-b from-chrome to-chrome-brand px-4 pt-14 pb-20 text-center text-chrome-fg sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t("homeHeading")}</h1>
        <p className="mx-auto mt-3 max-w-xl text-lg text-chrome-muted">{brand.tagline}</p>
        <div className="mx-auto mt-8 max-w-2xl">
          <SearchBox source={index.source} placeholder={brand.searchPlaceholder} size="large" />
        </div>
      </section>

      <div className="mx-auto max-w-6xl space-y-14 px-4 sm:px-6">
        <section aria-labelledby="categories" className="-mt-10">
          <h2 id="categories" className="sr-only">
            {t("browseByCategory")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link
                  href={localePath(locale, `/categories/${category.slug}`)}
                  className="group flex h-full flex-col rounded-xl border border-slate-200 bg-white px-5 py-5 shadow-sm transition hover:border-brand-600 hover:shadow-md"
                >
                  <span className="text-lg font-semibold text-slate-900 group-hover:text-brand-700">{category.name}</span>
                  <span className="mt-1 flex-1 text-sm text-slate-600">{category.description}</span>
                  <span className="mt-3 text-sm font-medium text-brand-800">{t("articleCount", { count: category.articleCount })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="popular">
          <h2 id="popular" className="mb-4 text-2xl font-semibold tracking-tight text-slate-900">
            {t("popularArticles")}
          </h2>
          <ArticleList articles={popular} showCategory locale={locale} />
        </section>

        <StillNeedHelp locale={locale} />
      </div>
    </>
  );
}
