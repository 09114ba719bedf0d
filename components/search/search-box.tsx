"use client";

// Instant search: results on every keystroke, a combobox for keyboard and screen-reader users,
// and a plain GET form to /search underneath, so it works without JavaScript too.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import { FillText, useClientText, usePageLanguageTag, usePageLocale } from "@/components/i18n/client-text";
import { fillText, pluralText } from "@/lib/i18n/fill-text";
import { localePath } from "@/lib/i18n/locales";
import { SEARCH_QUERY_MAX, searchPageHref, type SearchSource } from "@/lib/search/config";
import { CorrectionNotice, SearchResultText } from "./highlighted";
import { warmUp } from "./search-client";
import { useCombobox } from "./use-combobox";
import { useInstantSearch } from "./use-instant-search";
import { useSearchRecording } from "./use-search-recording";

interface SearchBoxProps {
  source: SearchSource;
  placeholder: string;
  size?: "large" | "compact";
  defaultQuery?: string;
  /** Listen for "/" and Ctrl/Cmd-K anywhere on the page. One box per page should. */
  shortcut?: boolean;
}

/** The search box: its data (useInstantSearch), its combobox (useCombobox) and what it records (useSearchRecording) are hooks of their own. */
export function SearchBox({ source, placeholder, size = "compact", defaultQuery = "", shortcut = true }: SearchBoxProps) {
  const router = useRouter();
  const id = useId();
  const text = useClientText("SearchBox");
  const tag = usePageLanguageTag();
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLFormElement>(null);
  // The page's language: its index (`source`), its addresses, and the mark on articles standing in from another language.
  const locale = usePageLocale();
  const articleHref = (slug: string) => localePath(locale, `/articles/${slug}`);
  const search = useInstantSearch(source, defaultQuery, 8, locale);
  const { query, results, correctedQuery, state } = search;
  const combobox = useCombobox({ optionCount: results.length, root: rootRef, input: inputRef, shortcut });
  const { open, active } = combobox;

  const listId = `${id}-results`;
  const hasQuery = query.trim().length > 0;
  const showPanel = open && hasQuery && (state === "ready" || state === "error");
  /** The first answer is on its way: the index is still downloading (or the server is asked). */
  const showLoading = open && hasQuery && state === "loading";
  const allResultsHref = localePath(locale, searchPageHref(query));
  const { recordShown, recordOpened } = useSearchRecording(search, showPanel, locale);
  const type = (value: string) => search.type(value, () => combobox.setActive(-1));

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      combobox.move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape") {
      recordShown();
      if (open && hasQuery) {
        event.preventDefault();
        combobox.hide();
      } else if (hasQuery) {
        event.preventDefault();
        type("");
      }
    } else if (event.key === "Enter" && open && active >= 0 && results[active]) {
      event.preventDefault();
      combobox.hide();
      recordOpened(results[active].slug);
      router.push(articleHref(results[active].slug));
    }
  }

  const large = size === "large";
  return (
    <form
      ref={rootRef}
      role="search"
      action={localePath(locale, "/search")}
      method="get"
      className="relative w-full"
      onSubmit={() => combobox.hide()}
      data-page-search={large || undefined}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        {text.label}
      </label>
      <div className="relative">
        <input
          ref={inputRef}
          id={`${id}-input`}
          name="q"
          // A text input, not type="search": HTML allows the combobox role and aria-expanded only on
          // text inputs. inputMode and enterKeyHint keep the phone keyboard's search key.
          type="text"
          inputMode="search"
          enterKeyHint="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={SEARCH_QUERY_MAX}
          role="combobox"
          aria-expanded={showPanel}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showPanel && active >= 0 ? `${id}-option-${active}` : undefined}
          placeholder={placeholder}
          value={query}
          onFocus={() => {
            combobox.show();
            warmUp(source);
          }}
          onChange={(event) => {
            combobox.show();
            type(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            // Focus moving to a result or link in the panel is not leaving the search.
            if (!rootRef.current?.contains(event.relatedTarget)) recordShown();
          }}
          className={`w-full rounded-xl border border-slate-300 bg-white text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-700 focus:outline-none focus:ring-4 focus:ring-brand-600/25 ${
            large ? "py-4 pr-14 pl-14 text-lg" : "py-2 pr-10 pl-9 text-sm"
          }`}
        />
        {/* After the input, so Tab reaches it second; drawn at the input's left edge. */}
        <button
          type="submit"
          aria-label={text.submit}
          className={`absolute top-1/2 grid -translate-y-1/2 place-items-center rounded-lg text-slate-500 hover:text-slate-800 ${large ? "left-3 size-10" : "left-1.5 size-7"}`}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className={`fill-current ${large ? "size-6" : "size-4"}`}>
            <path d="M8.5 3a5.5 5.5 0 1 0 3.3 9.9l3.65 3.65a.75.75 0 1 0 1.06-1.06l-3.65-3.65A5.5 5.5 0 0 0 8.5 3Zm-4 5.5a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z" />
          </svg>
        </button>
        <kbd
          aria-hidden="true"
          className={`pointer-events-none absolute top-1/2 hidden -translate-y-1/2 rounded sm:block border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs text-slate-600 ${large ? "right-5" : "right-3"}`}
        >
          /
        </kbd>
      </div>
      <p aria-live="polite" className="sr-only">
        {showPanel
          ? results.length === 0
            ? text.noneFound
            : correctedQuery
              ? pluralText(tag, text.foundFor, results.length, { query: correctedQuery })
              : pluralText(tag, text.found, results.length)
          : ""}
      </p>
      <div
        className={`absolute inset-x-0 top-full z-30 mt-2 overflow-hidden rounded-xl border border-slate-200 bg-white text-left shadow-xl ${showPanel || showLoading ? "" : "hidden"}`}
      >
        {showLoading && (
          <p role="status" className="flex items-center gap-2.5 px-4 py-4 text-sm text-slate-700">
            <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-700 motion-reduce:animate-none" />
            {text.loading}
          </p>
        )}
        {correctedQuery && results.length > 0 && state === "ready" ? (
          <CorrectionNotice
            query={query}
            correctedQuery={correctedQuery}
            locale={locale}
            className="border-b border-slate-100 px-4 py-2.5 text-sm text-slate-700"
          />
        ) : null}
        <ul id={listId} role="listbox" aria-label={text.resultsLabel} className={results.length === 0 ? "hidden" : "max-h-[60vh] overflow-y-auto py-1"}>
          {results.map((result, index) => (
            <li key={result.slug} id={`${id}-option-${index}`} role="option" aria-selected={index === active}>
              <Link
                href={articleHref(result.slug)}
                prefetch={false}
                tabIndex={-1}
                onClick={() => {
                  recordOpened(result.slug);
                  combobox.hide();
                }}
                onMouseEnter={() => combobox.setActive(index)}
                className={`block px-4 py-3 ${index === active ? "bg-brand-50" : ""}`}
              >
                <SearchResultText result={result} titleClassName="text-slate-900" locale={locale} />
              </Link>
            </li>
          ))}
        </ul>
        {showLoading ? null : state === "error" ? (
          <p className="px-4 py-4 text-sm text-slate-700">{text.unavailable}</p>
        ) : results.length === 0 ? (
          <div className="px-4 py-4 text-sm text-slate-700">
            <p className="font-medium text-slate-900">{fillText(text.noMatch, { query: query.trim() })}</p>
            <p className="mt-1">
              <FillText
                template={text.tryOther}
                values={{
                  link: (
                    <Link
                      href={localePath(locale, `/contact?q=${encodeURIComponent(query.trim())}`)}
                      prefetch={false}
                      onClick={recordShown}
                      className="font-medium text-brand-700 underline"
                    >
                      {text.askSupport}
                    </Link>
                  ),
                }}
              />
            </p>
          </div>
        ) : (
          <Link
            href={allResultsHref}
            prefetch={false}
            className="block border-t border-slate-100 px-4 py-2.5 text-sm font-medium text-brand-700 hover:bg-slate-50"
          >
            {fillText(text.seeAll, { query: query.trim() })}
          </Link>
        )}
      </div>
    </form>
  );
}
