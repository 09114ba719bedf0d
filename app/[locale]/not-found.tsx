import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NotFoundContent } from "@/components/site/not-found-content";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await getLocale(), namespace: "Site" });
  return { title: t("notFoundTitle") };
}

// notFound() inside a customer page: the [locale] layout already draws the header and footer.
export default async function NotFound() {
  return <NotFoundContent locale={await getLocale()} />;
}
