"use client";

import { useSyncExternalStore } from "react";
// Types and plain strings only: this runs in the browser, which needs neither the site's
// configuration nor lib/i18n/locales.ts.

interface LanguageLink {
  code: string;
  name: string;
  tag: string;
  home: string;
}

/**
 * The same address in another language: /articles/x → /de/articles/x, keeping the query (a
 * search). `languages[0]` is the default language, whose addresses have no prefix.
 */
function samePageIn(languages: LanguageLink[], code: string, { pathname, search }: { pathname: string; search: string }): string {
  const prefixed = languages.slice(1).find((language) => pathname === language.home || pathname.startsWith(`${language.home}/`));
  const path = prefixed ? pathname.slice(prefixed.home.length) || "/" : pathname;
  const home = languages.find((language) => language.code === code)?.home ?? "/";
  return (home === "/" ? path : path === "/" ? home : `${home}${path}`) + search;
}

/** Remembers the reader's choice for the home page (proxy.ts reads it). */
function rememberLanguage(cookie: string, code: string) {
  document.cookie = `${cookie}=${code}; path=/; max-age=31536000; samesite=lax`;
}

const noSubscription = () => () => {};
/** The page's address in the browser; null while rendering on the server. */
const currentAddress = () => `${window.location.pathname}\n${window.location.search}`;

/** A disclosure (works without JavaScript) listing the languages; choosing one remembers it for the home page (proxy.ts). */
export function LanguageMenu({
  current,
  label,
  currentLabel,
  languages,
  cookie,
}: {
  current: string;
  label: string;
  currentLabel: string;
  /** The default language first; `home` is each one's home page (/, /de). */
  languages: LanguageLink[];
  /** The cookie that remembers the choice (lib/i18n/locales.ts LOCALE_COOKIE). */
  cookie: string;
}) {
  // The server renders links to each language's home page; the browser, to this same page in it.
  const address = useSyncExternalStore(noSubscription, currentAddress, () => null);
  const [pathname = "/", search = ""] = address?.split("\n") ?? [];
  const hrefs =
    address === null ? null : Object.fromEntries(languages.map((language) => [language.code, samePageIn(languages, language.code, { pathname, search })]));
  const currentName = languages.find((language) => language.code === current)?.name ?? current;

  return (
    <details data-language-switcher className="group relative">
      <summary
        aria-label={`${label}: ${currentName}`}
        className="flex h-9 cursor-pointer list-none items-center gap-1.5 rounded-lg px-2 text-sm font-medium text-chrome-muted hover:bg-chrome-raised hover:text-chrome-fg [&::-webkit-details-marker]:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-none stroke-current stroke-[1.5]">
          <circle cx="10" cy="10" r="7.25" />
          <path d="M2.75 10h14.5M10 2.75c2 2 2.9 4.5 2.9 7.25S12 15.25 10 17.25M10 2.75C8 4.75 7.1 7.25 7.1 10s.9 5.25 2.9 7.25" />
        </svg>
        {/* The code beside the globe from 640 px up; on a phone the globe alone (its name says the language). */}
        <span className="hidden uppercase sm:inline">{current}</span>
      </summary>
      <ul className="absolute right-0 z-40 mt-2 min-w-40 overflow-hidden rounded-xl border border-slate-200 bg-white py-1 text-sm text-slate-800 shadow-xl">
        {languages.map((language) => (
          <li key={language.code}>
            <a
              href={hrefs?.[language.code] ?? language.home}
              hrefLang={language.tag}
              lang={language.tag}
              aria-current={language.code === current ? "true" : undefined}
              aria-label={language.code === current ? currentLabel : undefined}
              onClick={() => rememberLanguage(cookie, language.code)}
              className="flex items-center justify-between gap-4 px-4 py-2 hover:bg-slate-50 aria-[current]:font-semibold aria-[current]:text-brand-800"
            >
              {language.name}
              {language.code === current && (
                <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
                  <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
                </svg>
              )}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
