import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { brandText } from "@/lib/i18n/brand";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { siteConfig } from "@/lib/site-config";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const [t, brand] = await Promise.all([getTranslations({ locale, namespace: "Site" }), brandText(locale)]);
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          © {siteConfig.company}. {brand.tagline}
        </p>
        <p>
          <Link href={localePath(locale, "/contact")} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("contactSupport")}
          </Link>{" "}
          · {brand.supportHours}
        </p>
      </div>
    </footer>
  );
}
