import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ArticleSection } from "@/components/article/article-list";
import { Breadcrumbs } from "@/components/article/breadcrumbs";
import { TableOfContents } from "@/components/article/table-of-contents";
import { MdxContent } from "@/components/mdx/mdx-content";
import type { ArticleSummary, ArticleView as Article } from "@/lib/articles/reads";
import { renderArticleBody } from "@/lib/articles/rendered";
import { formatLongDate } from "@/lib/format";
import { DEFAULT_LOCALE, languageName, languageNameIn, languageTag, localePath, type Locale } from "@/lib/i18n/locales";

/**
 * An article as readers see it: the customer page (app/[locale]/articles) and the staff's reading of
 * an internal article (app/[locale]/internal-articles) alike, in the page's language `locale`. An
 * article not written in that language (no translation yet) says so above its title, and carries
 * its own `lang`. `notice` comes above the title, `footer` between the body and the related
 * articles, `after` below them.
 */
export async function ArticleView({
  article,
  related,
  notice,
  footer,
  after,
  locale = DEFAULT_LOCALE,
}: {
  locale?: Locale;
  article: Article;
  related: ArticleSummary[];
  notice?: ReactNode;
  footer?: ReactNode;
  after?: ReactNode;
}) {
  // Compiled once per revision and kept, so the page's own call (for its structured data) is free.
  const { tree, headings, wordCount } = await renderArticleBody(article);
  const minutes = Math.max(1, Math.round(wordCount / 220));
  const [t, site, own] = await Promise.all([
    getTranslations({ locale, namespace: "Article" }),
    getTranslations({ locale, namespace: "Site" }),
    // The notes' headings are part of the text, so in the article's own language.
    getTranslations({ locale: article.locale, namespace: "Article" }),
  ]);
  const foreign = article.locale !== locale;
  return (
    <>
      <Breadcrumbs
        label={t("breadcrumb")}
        items={[
          { href: localePath(locale, "/"), label: site("home") },
          { href: localePath(locale, `/categories/${article.categorySlug}`), label: article.categoryName },
          { label: article.title },
        ]}
      />
      {/* One table of contents: above the text on small screens, beside it (sticky) on large ones. */}
      <article className="mt-6 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-x-12">
        <header className="mb-8 border-b border-slate-200 pb-6 lg:col-start-1">
          {notice}
          {foreign && (
            <p data-language-notice role="note" className="mb-6 rounded-xl border border-sky-300 bg-sky-50 px-5 py-3 text-sky-950">
              {t("fallbackNotice", { language: languageName(locale), original: languageNameIn(locale, article.locale) })}
            </p>
          )}
          <div lang={foreign ? languageTag(article.locale) : undefined}>
            <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{article.title}</h1>
            <p className="mt-3 text-lg text-slate-600">{article.description}</p>
          </div>
          <p className="mt-4 text-sm text-slate-600">
            {t.rich("lastUpdated", {
              date: formatLongDate(article.updatedAt, locale),
              minutes,
              time: (chunks) => <time dateTime={article.updatedAt.toISOString().slice(0, 10)}>{chunks}</time>,
            })}
          </p>
        </header>
        <TableOfContents
          title={t("onThisPage")}
          headings={headings}
          className="mb-8 print:hidden lg:sticky lg:top-6 lg:col-start-2 lg:row-span-3 lg:row-start-1 lg:mb-0 lg:self-start"
        />
        <div className="min-w-0 lg:col-start-1" lang={foreign ? languageTag(article.locale) : undefined}>
          <MdxContent tree={tree} locale={locale} labels={{ note: own("note"), tip: own("tip"), warning: own("warning") }} />
        </div>
        <div className="mt-12 space-y-10 print:hidden lg:col-start-1">
          {footer}
          {related.length > 0 && <ArticleSection id="related" title={t("relatedArticles")} articles={related} locale={locale} />}
          {after}
        </div>
      </article>
    </>
  );
}
