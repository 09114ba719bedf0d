import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/article/breadcrumbs";
import { ContactSent } from "@/components/contact/contact-sent";
import { localePath } from "@/lib/i18n/locales";

// Where the contact form leads once it was sent without JavaScript (components/contact/actions.ts).
// The same page for everyone: nothing in it belongs to one visitor.
type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Site" });
  return { title: t("messageSent"), robots: { index: false } };
}

export default async function ContactSentPage({ params }: Props) {
  const { locale } = await params;
  const [t, articleText] = await Promise.all([getTranslations({ locale, namespace: "Site" }), getTranslations({ locale, namespace: "Article" })]);
  return (
    <div className="mx-auto max-w-2xl space-y-8 px-4 py-10 sm:px-6">
      <Breadcrumbs
        label={articleText("breadcrumb")}
        items={[
          { href: localePath(locale, "/"), label: t("home") },
          { href: localePath(locale, "/contact"), label: t("contactTitle") },
          { label: t("messageSent") },
        ]}
      />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("contactHeading")}</h1>
      <ContactSent />
    </div>
  );
}
