import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { brandText } from "@/lib/i18n/brand";
import { DEFAULT_LOCALE, localePath, type Locale } from "@/lib/i18n/locales";

export async function StillNeedHelp({ articleSlug, locale = DEFAULT_LOCALE }: { articleSlug?: string; locale?: Locale }) {
  const t = await getTranslations({ locale, namespace: "Site" });
  const brand = await brandText(locale);
  const href = localePath(locale, articleSlug ? `/contact?article=${articleSlug}` : "/contact");
  return (
    <section aria-labelledby="still-need-help" className="rounded-2xl bg-chrome px-6 py-8 text-chrome-fg sm:px-10">
      <h2 id="still-need-help" className="text-2xl font-semibold tracking-tight">
        {t("stillNeedHelp")}
      </h2>
      <p className="mt-2 max-w-xl text-chrome-muted">{t("stillNeedHelpText", { hours: brand.supportHours, responseTime: brand.responseTime })}</p>
      <Link
        href={href}
        className="mt-5 inline-flex items-center rounded-lg bg-chrome-fg px-5 py-2.5 font-semibold text-chrome hover:bg-chrome-muted focus-visible:outline-chrome-fg"
      >
        {t("contactUs")}
      </Link>
    </section>
  );
}
