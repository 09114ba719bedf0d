import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundContent } from "@/components/site/not-found-content";

// Where proxy.ts sends every customer address that names nothing, in its language, with status
// 404. It is rendered once per language at build time (the [locale] layout lists them), so the 404
// arrives as a whole server-rendered page in that language, and nothing is rendered or cached per
// unknown address. It renders the not-found content itself rather than calling notFound(): a
// notFound() in a prerendered page is sent as an empty error shell that only JavaScript fills in
// (vercel/next.js#95613).
type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Site" });
  return { title: t("notFoundTitle"), robots: { index: false } };
}

export default async function NotFoundPage({ params }: Props) {
  return <NotFoundContent locale={(await params).locale} />;
}
