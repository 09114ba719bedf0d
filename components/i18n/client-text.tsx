"use client";

// The page's language and the interface strings client components show (the search box, the
// rating, the contact form, the theme switch), given once by the customer layout. Only the strings
// of the page's language reach the browser, with no formatting library: placeholders are filled
// with fillText (lib/i18n/fill-text.ts), or with elements by <FillText>.
import { createContext, Fragment, type ReactNode, use } from "react";
import { fillParts } from "@/lib/i18n/fill-text";
import type { ClientMessages } from "@/lib/i18n/messages";
import theme from "@/lib/i18n/messages/en/theme.json";

interface ClientText {
  /** The page's language code ("en", "de"). */
  locale: string;
  /** Its BCP 47 tag ("de-DE", lib/i18n/locales.ts languageTag), for Intl: the code when not given. */
  tag?: string | undefined;
  /** Where the language's pages are: "" for the default language, "/de" for German (lib/i18n/locales.ts localePath). */
  prefix?: string | undefined;
  text: ClientMessages;
}

const Context = createContext<ClientText | null>(null);

export function ClientTextProvider({ locale, tag, prefix, text, children }: ClientText & { children: ReactNode }) {
  return <Context value={{ locale, tag, prefix, text }}>{children}</Context>;
}

/**
 * Outside the customer pages (app/[locale], app/global-not-found.tsx), in the default language's
 * words: the staff pages (English only) show the theme switch. Only that namespace, so every
 * page's script does not carry the others' English words.
 */
const OUTSIDE: { locale: string; tag: string; prefix: string; text: Partial<ClientMessages> } = { locale: "en", tag: "en", prefix: "", text: { Theme: theme } };

/** One namespace's strings in the page's language. */
export function useClientText<N extends keyof ClientMessages>(namespace: N): ClientMessages[N] {
  const text = (use(Context) ?? OUTSIDE).text[namespace];
  if (!text) throw new Error(`useClientText("${namespace}") is used outside ClientTextProvider (app/[locale]/layout.tsx gives it)`);
  return text as ClientMessages[N];
}

/** The page's language code ("en", "de"). */
export function usePageLocale(): string {
  return (use(Context) ?? OUTSIDE).locale;
}

/** A customer path in the page's language: "/contact" stays as it is in the default language and is "/de/contact" in German. */
export function useLocalePath(): (path: string) => string {
  const prefix = (use(Context) ?? OUTSIDE).prefix ?? "";
  return (path) => (prefix && path === "/" ? prefix : `${prefix}${path}`);
}

/** The page's BCP 47 tag ("en-AU", "de-DE"), for plurals, numbers and dates (Intl). */
export function usePageLanguageTag(): string {
  const value = use(Context) ?? OUTSIDE;
  return value.tag ?? value.locale;
}

/**
 * A message with elements in its placeholders: `"Try other words, or {link}."` with
 * `values={{ link: <Link …>ask our support team</Link> }}`, so a translation may move the link.
 */
export function FillText({ template, values }: { template: string; values: Record<string, ReactNode> }) {
  return (
    <>
      {fillParts<ReactNode>(template, values).map((part, index) => (
        <Fragment key={index}>{part}</Fragment>
      ))}
    </>
  );
}
