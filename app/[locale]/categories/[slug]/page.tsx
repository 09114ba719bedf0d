import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArticleList } from "@/components/article/article-list";
import { Breadcrumbs } from "@/components/article/breadcrumbs";
import { StillNeedHelp } from "@/components/article/still-need-help";
import { JsonLd } from "@/components/seo/json-ld";
import { getCategory, listArticlesInCategory } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import { siteContext } from "@/lib/context";
import { everyLanguage, pageMetadata } from "@/lib/seo/metadata";
import { isLocale, localePath } from "@/lib/i18n/locales";
import { breadcrumbJsonLd } from "@/lib/seo/structured-data";
import { siteOrigin } from "@/lib/site-url";

// As for articles: refreshed at once on publish, and at most a minute behind otherwise.
export const revalidate = 60;

// Rendered on first visit, then cached: nothing is read from the database at build time.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

async function load(params: Props["params"]) {
  const { locale, slug: rawSlug } = await params;
  const slug = slugSchema.safeParse(rawSlug);
  if (!slug.success || !isLocale(locale)) notFound();
  const category = await getCategory(siteContext(), slug.data, locale);
  if (!category) notFound();
  return { locale, category };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, category } = await load(params);
  const path = `/categories/${category.slug}`;
  return pageMetadata({ locale, title: category.name, description: category.description, path: localePath(locale, path), languages: everyLanguage(path) });
}

// In a language other than the default, the category lists its translations, and the articles not
// translated yet in their own language, marked, so none of them vanishes.
export default async function CategoryPage({ params }: Props) {
  const { locale, category } = await load(params);
  const [articles, t] = await Promise.all([listArticlesInCategory(siteContext(), category.slug, locale), getTranslations({ locale, namespace: "Site" })]);
  const home = localePath(locale, "/");
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-10 sm:px-6">
      <JsonLd
        data={breadcrumbJsonLd(
          [
            { name: t("home"), path: home },
            { name: category.name, path: localePath(locale, `/categories/${category.slug}`) },
          ],
          siteOrigin(),
        )}
      />
      <Breadcrumbs
        label={(await getTranslations({ locale, namespace: "Article" }))("breadcrumb")}
        items={[{ href: home, label: t("home") }, { label: category.name }]}
      />
      <header>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{category.name}</h1>
        <p className="mt-2 text-lg text-slate-600">{category.description}</p>
      </header>
      {articles.length > 0 ? (
        <ArticleList articles={articles} locale={locale} />
      ) : (
        <p className="rounded-xl border border-slate-200 bg-white px-5 py-4 text-slate-700">{t("noArticlesInCategory")}</p>
      )}
      <StillNeedHelp locale={locale} />
    </div>
  );
}
