// The help center's languages, from siteConfig.languages: which exist, which is the default, and
// where each one's pages live. The default language keeps unprefixed addresses (/articles/…);
// every other language is under its code (/de/articles/…). Pure, so the proxy, pages, search and
// content import all share it.
import { siteConfig } from "../site-config";

export type Locale = string;

export interface Language {
  /** The address prefix and the stored value: "de". */
  code: Locale;
  /** The language's name in itself, as the switcher shows it: "Deutsch". */
  name: string;
  /** BCP 47 tag for `<html lang>`, hreflang and Intl formatting: "de-DE". */
  locale: string;
}

export const LANGUAGES: readonly Language[] = siteConfig.languages;
export const DEFAULT_LOCALE: Locale = LANGUAGES[0]!.code;
export const LOCALES: readonly Locale[] = LANGUAGES.map((language) => language.code);
/** Every language but the default: the ones articles are translated into. */
export const TRANSLATION_LOCALES: readonly Locale[] = LOCALES.slice(1);

/** The cookie that remembers a reader's choice of language (set by the switcher). */
export const LOCALE_COOKIE = "hc-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && LOCALES.includes(value);
}

function language(code: Locale): Language {
  return LANGUAGES.find((entry) => entry.code === code) ?? LANGUAGES[0]!;
}

/** The name of a language in itself ("Deutsch"), for the switcher and for "not yet available in …". */
export const languageName = (code: Locale) => language(code).name;

/** A language's name in another's words: "Englisch" for "en" on a German page ("English" without Intl's names). */
export function languageNameIn(pageLocale: Locale, code: Locale): string {
  try {
    return new Intl.DisplayNames([languageTag(pageLocale)], { type: "language" }).of(code) ?? languageName(code);
  } catch {
    return languageName(code);
  }
}

/** The BCP 47 tag for a language ("de-DE"). */
export const languageTag = (code: Locale) => language(code).locale;

/**
 * A customer path in a language: "/articles/x" stays as it is in the default language and becomes
 * "/de/articles/x" in German; "/" becomes "/de".
 */
export function localePath(code: Locale, path: string): string {
  if (code === DEFAULT_LOCALE) return path;
  return path === "/" ? `/${code}` : `/${code}${path}`;
}

/**
 * Splits a public path into its language and the rest: "/de/search" → { locale: "de", path: "/search" },
 * "/search" → { locale: "en", path: "/search" }. The default language's own code as a prefix is
 * not one of its addresses, and is reported as `prefixed` so the proxy can redirect it.
 */
export function splitLocalePath(pathname: string): { locale: Locale; path: string; prefixed: boolean } {
  const match = /^\/([a-z]{2}(?:-[a-z0-9]{2,8})?)(?=\/|$)(.*)$/i.exec(pathname);
  if (match && isLocale(match[1])) return { locale: match[1], path: match[2] || "/", prefixed: true };
  return { locale: DEFAULT_LOCALE, path: pathname, prefixed: false };
}
