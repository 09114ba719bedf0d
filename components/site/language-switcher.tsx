import { getTranslations } from "next-intl/server";
import { LANGUAGES, LOCALE_COOKIE, localePath, type Locale, languageName } from "@/lib/i18n/locales";
import { LanguageMenu } from "./language-menu";

/**
 * The language switcher in every customer page's header. Hidden when the help center has one
 * language. Its links lead to each language's home page as the server renders them (the header
 * belongs to the layout, which does not know the page); in the browser they lead to the same page
 * in the other language, which shows that language's translation, or the original with a notice.
 */
export async function LanguageSwitcher({ locale }: { locale: Locale }) {
  if (LANGUAGES.length < 2) return null;
  const t = await getTranslations({ locale, namespace: "Site" });
  return (
    <LanguageMenu
      current={locale}
      cookie={LOCALE_COOKIE}
      label={t("language")}
      currentLabel={t("languageCurrent", { language: languageName(locale) })}
      languages={LANGUAGES.map(({ code, name, locale: tag }) => ({ code, name, tag, home: localePath(code, "/") }))}
    />
  );
}
