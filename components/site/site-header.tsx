import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { brandText } from "@/lib/i18n/brand";
import { localePath, type Locale } from "@/lib/i18n/locales";
import type { SearchSource } from "@/lib/search/config";
import { siteConfig } from "@/lib/site-config";
import { BrandMark } from "../brand/brand-mark";
import { SearchBox } from "../search/search-box";
import { ThemeSwitch } from "../theme/theme-switch";
import { SkipLink } from "../ui/skip-link";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader({ source, locale }: { source: SearchSource; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Site" });
  return (
    <header className="border-b border-chrome-raised bg-chrome text-chrome-fg print:hidden">
      <SkipLink label={t("skipToContent")} />
      <div className="mx-auto grid max-w-6xl grid-cols-[1fr_auto] items-center gap-x-3 gap-y-3 px-4 py-3 sm:gap-x-6 sm:grid-cols-[auto_1fr_auto] sm:px-6">
        <Link href={localePath(locale, "/")} className="flex items-center gap-2.5 justify-self-start rounded font-semibold tracking-tight whitespace-nowrap">
          <BrandMark />
          <span className="text-lg">{siteConfig.name}</span>
        </Link>
        {/* Hidden by globals.css on pages that have their own large search box. */}
        <div data-header-search className="col-span-2 row-start-2 sm:col-span-1 sm:col-start-2 sm:row-start-1 sm:w-80 sm:justify-self-end">
          <SearchBox source={source} placeholder={(await brandText(locale)).searchPlaceholder} size="compact" />
        </div>
        <div className="flex items-center gap-1 justify-self-end sm:col-start-3">
          <LanguageSwitcher locale={locale} />
          <ThemeSwitch className="text-chrome-muted hover:bg-chrome-raised hover:text-chrome-fg" />
          <nav aria-label={t("mainNav")} className="text-sm">
            <Link
              href={localePath(locale, "/contact")}
              aria-label={t("contactSupport")}
              className="rounded-lg px-2 py-2 font-medium whitespace-nowrap sm:px-3 text-chrome-muted hover:bg-chrome-raised hover:text-chrome-fg"
            >
              {/* Short on a phone ("Kontakt"), where the header has room for little; its name stays whole. */}
              <span className="sm:hidden">{t("contactShort")}</span>
              <span className="hidden sm:inline">{t("contactSupport")}</span>
            </Link>
          </nav>
        </div>
      </div>
    </header>
  );
}
