// next-intl's request configuration (next.config.ts points its plugin here): the messages and
// formats of the language a customer page is rendered in. Pages pass their language explicitly
// (getTranslations({ locale, namespace })), so no request header is read and pages stay static.
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "./locales";
import { loadMessages } from "./messages";

export default getRequestConfig(async ({ locale, requestLocale }) => {
  const requested = locale ?? (await requestLocale);
  const code = isLocale(requested) ? requested : DEFAULT_LOCALE;
  // Dates are written in UTC everywhere (lib/format.ts), so every server and test agrees on the day.
  return { locale: code, messages: await loadMessages(code), timeZone: "UTC" };
});
