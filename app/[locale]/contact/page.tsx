import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/article/breadcrumbs";
import { ContactForm } from "@/components/contact/contact-form";
import { getPublishedArticle } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import { SEARCH_QUERY_MAX } from "@/lib/search/config";
import { siteConfig } from "@/lib/site-config";
import { brandText } from "@/lib/i18n/brand";
import { localePath } from "@/lib/i18n/locales";
import { siteContext } from "@/lib/context";
import { contactMinSeconds, issueFormToken } from "@/lib/contact/form-token";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { everyLanguage, pageMetadata } from "@/lib/seo/metadata";

// One canonical address: /contact?article=… (one per article) and /contact?q=… are the same page with
// the form filled in, so search engines are pointed at /contact.
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Site" });
  return pageMetadata({
    locale,
    title: t("contactTitle"),
    description: t("contactDescription", { company: siteConfig.company }),
    path: localePath(locale, "/contact"),
    languages: everyLanguage("/contact"),
  });
}

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ContactPage({ params: pageParams, searchParams }: Props) {
  const [{ locale }, params] = await Promise.all([pageParams, searchParams]);
  const [t, articleText, brand] = await Promise.all([
    getTranslations({ locale, namespace: "Site" }),
    getTranslations({ locale, namespace: "Article" }),
    brandText(locale),
  ]);
  const slug = slugSchema.safeParse(first(params.article));
  // Without the database the form still opens (sending it will say to try again later), naming
  // the article by its address.
  const article = slug.success
    ? await getPublishedArticle(siteContext(), slug.data).catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) return { slug: slug.data, title: slug.data };
        throw error;
      })
    : null;
  const searched = first(params.q)?.trim().slice(0, SEARCH_QUERY_MAX);
  // Without the database (and today's secret not yet read) the form still opens unsigned: sending
  // it says the database is away, and afterwards that the page must be reloaded.
  const formToken = await issueFormToken(siteContext()).catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return "";
    throw error;
  });

  return (
    <div className="mx-auto max-w-2xl space-y-8 px-4 py-10 sm:px-6">
      <Breadcrumbs label={articleText("breadcrumb")} items={[{ href: localePath(locale, "/"), label: t("home") }, { label: t("contactTitle") }]} />
      <header>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("contactHeading")}</h1>
        <p className="mt-2 text-lg text-slate-600">{t("contactIntro", { hours: brand.supportHours })}</p>
      </header>
      <ContactForm
        article={article ? { slug: article.slug, title: article.title } : undefined}
        initialMessage={searched ? `${t("contactSearched", { query: searched })}\n\n` : ""}
        formToken={formToken}
        minSeconds={contactMinSeconds()}
      />
    </div>
  );
}
