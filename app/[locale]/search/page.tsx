import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StillNeedHelp } from "@/components/article/still-need-help";
import { CorrectionNotice, SearchResultText } from "@/components/search/highlighted";
import { SearchBox } from "@/components/search/search-box";
import { SearchPageRecorder } from "@/components/search/search-page-recorder";
import { getCurrentActor } from "@/lib/auth/current";
import { searchQuerySchema } from "@/lib/search/query";
import { getSearchIndex } from "@/lib/search/server";
import { everyLanguage, pageMetadata } from "@/lib/seo/metadata";
import { brandText } from "@/lib/i18n/brand";
import { localePath } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function readQuery(searchParams: Props["searchParams"]) {
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = searchQuerySchema.safeParse({ q: first(params.q), literal: first(params.literal) === "1" ? "1" : undefined });
  return parsed.success
    ? { q: parsed.data.q, literal: parsed.data.literal, error: null }
    : { q: "", literal: false, error: parsed.error.issues[0]?.message ?? "is invalid" };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ q }, { locale }] = await Promise.all([readQuery(searchParams), params]);
  const t = await getTranslations({ locale, namespace: "Site" });
  const path = q ? `/search?q=${encodeURIComponent(q)}` : "/search";
  // Result pages stay out of search engines: robots.txt keeps crawlers away, and noindex covers a
  // result page reached anyway. The canonical address keeps only the query.
  return {
    ...pageMetadata({
      locale,
      title: q ? t("searchTitleFor", { query: q }) : t("searchTitle"),
      path: localePath(locale, path),
      languages: everyLanguage(path),
    }),
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const [{ q, literal, error }, { locale }] = await Promise.all([readQuery(searchParams), params]);
  const [t, brand] = await Promise.all([getTranslations({ locale, namespace: "Site" }), brandText(locale)]);
  // Signed-in staff search the staff's index (internal articles too, marked); the page cache never
  // answers them (lib/page-cache/front.ts), and keeps only what it fetched without cookies.
  const staff = (await getCurrentActor()) !== null;
  // One index per language: its own articles, and those not translated yet (marked).
  const customers = await getSearchIndex("customers", locale);
  const index = staff ? await getSearchIndex("staff", locale) : customers;
  const { results, correctedQuery } = q ? index.engine.answer(q, { limit: 20, literal }) : { results: [], correctedQuery: null };

  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{q ? t("resultsFor", { query: q }) : t("searchHeading")}</h1>
      <SearchBox source={customers.source} placeholder={brand.searchPlaceholder} defaultQuery={q} size="large" />
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-red-800">
          {t("queryTooLong", { problem: error })}
        </p>
      )}
      {q && !staff && <SearchPageRecorder query={q} resultCount={results.length} locale={locale} />}
      {q && correctedQuery && results.length > 0 && (
        <CorrectionNotice query={q} correctedQuery={correctedQuery} locale={locale} className="rounded-lg bg-brand-50 px-4 py-3 text-slate-800" />
      )}
      {q && results.length > 0 && (
        <section aria-labelledby="result-count">
          <h2 id="result-count" className="mb-3 text-sm text-slate-600">
            {t("resultCount", { count: results.length })}
          </h2>
          <ol data-search-results className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
            {results.map((result) => (
              <li key={result.slug}>
                <Link href={localePath(locale, `/articles/${result.slug}`)} className="group block px-5 py-4 hover:bg-slate-50">
                  <SearchResultText result={result} locale={locale} titleClassName="text-slate-900 group-hover:text-brand-700 group-hover:underline" />
                </Link>
              </li>
            ))}
          </ol>
        </section>
      )}
      {q && results.length === 0 && (
        <div className="rounded-xl border border-slate-200 bg-white px-6 py-6">
          <h2 className="text-lg font-semibold text-slate-900">{t("noResultsHeading", { query: q })}</h2>
          <p className="mt-2 text-slate-700">
            {t.rich("noResultsText", {
              link: (chunks) => (
                <Link href={localePath(locale, `/contact?q=${encodeURIComponent(q)}`)} className="font-medium text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
      )}
      <StillNeedHelp locale={locale} />
    </div>
  );
}
