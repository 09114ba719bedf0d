import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/article/breadcrumbs";
import { ContactForm } from "@/components/contact/contact-form";
import { getPublishedArticle } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import { SEARCH_QUERY_MAX } from "@/lib/search/config";
import { siteConfig } from "@/lib/site-config";
import { siteContext } from "@/lib/context";
import { contactMinSeconds, issueFormToken } from "@/lib/contact/form-token";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { pageMetadata } from "@/lib/seo/metadata";

// One canonical address: /contact?article=… (one per article) and /contact?q=… are the same page with
// the form filled in, so search engines are pointed at /contact.
export const metadata: Metadata = pageMetadata({
  title: "Contact support",
  description: `Ask ${siteConfig.company}'s support team: a real person replies by email.`,
  path: "/contact",
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ContactPage({ searchParams }: Props) {
  const params = await searchParams;
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
      <Breadcrumbs items={[{ href: "/", label: "Home" }, { label: "Contact support" }]} />
      <header>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Contact our support team</h1>
        <p className="mt-2 text-lg text-slate-600">Tell us what you need and a real person will reply by email. {siteConfig.support.hours}.</p>
      </header>
      <ContactForm
        article={article ? { slug: article.slug, title: article.title } : undefined}
        initialMessage={searched ? `I searched the help center for “${searched}” and didn't find an answer.\n\n` : ""}
        formToken={formToken}
        minSeconds={contactMinSeconds()}
      />
    </div>
  );
}
