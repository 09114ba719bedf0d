import { getTranslations } from "next-intl/server";
import { ArticleSection } from "@/components/article/article-list";
import { SearchBox } from "@/components/search/search-box";
import { getPopularArticles } from "@/lib/articles/reads";
import { brandText } from "@/lib/i18n/brand";
import type { Locale } from "@/lib/i18n/locales";
import { getSearchIndex } from "@/lib/search/server";
import { siteContext } from "@/lib/context";

/** What a 404 shows, in the page's language: a way forward (search, popular articles) rather than a dead end. */
export async function NotFoundContent({ locale }: { locale: Locale }) {
  const [popular, index, t, brand] = await Promise.all([
    getPopularArticles(siteContext(), 5, locale),
    getSearchIndex("customers", locale),
    getTranslations({ locale, namespace: "Site" }),
    brandText(locale),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-14 sm:px-6">
      <header>
        <p className="text-sm font-semibold tracking-wider text-brand-700 uppercase">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">{t("notFoundHeading")}</h1>
        <p className="mt-2 text-lg text-slate-600">{t("notFoundText")}</p>
      </header>
      <SearchBox source={index.source} placeholder={brand.searchPlaceholder} size="large" />
      <ArticleSection id="popular" title={t("popularArticles")} articles={popular} locale={locale} />
    </div>
  );
}
