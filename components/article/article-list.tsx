import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ArticleSummary } from "@/lib/articles/reads";
import { DEFAULT_LOCALE, languageNameIn, languageTag, localePath, type Locale } from "@/lib/i18n/locales";

/**
 * Articles as links, in the page's language. An article shown in another language (a source with
 * no translation yet) carries its language's name, and `lang`, so readers and screen readers know.
 */
export async function ArticleList({
  articles,
  showCategory = false,
  locale = DEFAULT_LOCALE,
}: {
  articles: ArticleSummary[];
  showCategory?: boolean;
  locale?: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "Article" });
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {articles.map((article) => (
        <li key={article.slug}>
          <Link href={localePath(locale, `/articles/${article.slug}`)} className="group block px-5 py-4 hover:bg-slate-50">
            <span lang={article.language ? languageTag(article.language) : undefined}>
              <span className="font-medium text-slate-900 group-hover:text-brand-700 group-hover:underline">{article.title}</span>
              {article.language && (
                <span lang={languageTag(locale)} className="ml-2 inline-block rounded border border-slate-300 px-1.5 text-xs font-medium text-slate-700">
                  {t("inLanguage", { language: languageNameIn(locale, article.language) })}
                </span>
              )}
              <span className="mt-1 block text-sm text-slate-600">
                {showCategory && (
                  <span className="font-medium text-brand-800" lang={article.language ? languageTag(locale) : undefined}>
                    {article.categoryName} ·{" "}
                  </span>
                )}
                {article.description}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A titled list of articles: popular, related. */
export function ArticleSection({ id, title, articles, locale }: { id: string; title: string; articles: ArticleSummary[]; locale?: Locale }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-4 text-xl font-semibold text-slate-900">
        {title}
      </h2>
      <ArticleList articles={articles} showCategory locale={locale} />
    </section>
  );
}
