// The search index on the server: built once per change of the published content or of the staff's
// synonyms and pins, kept in memory, served to browsers as an immutable file named by its hash,
// and used for /search and /api/search.
//
// Two audiences, two indexes: customers' (public articles only: the file, /api/search, /search) and,
// built only once a signed-in staff member searches, the staff's (internal articles too), which is
// only ever answered on the server to signed-in staff (app/api/staff/search, /search for staff).
//
// And one index per language: a language's translations and the untranslated articles that stand in
// for the rest (marked with their language), read with that language's analyzer (analyzers.ts).
import "server-only";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { getContentVersion, listSearchableArticles, type SearchReaders } from "../articles/reads";
import { siteContext } from "../context";
import { isDatabaseUnavailable } from "../db-errors";
import { env } from "../env";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { toSearchDocument } from "./documents";
import { chooseSearchSource, type SearchSource } from "./config";
import { SearchEngine } from "./engine";
import { buildSearchIndex, type SearchIndexData } from "./index-data";
import { sharedIndexJson } from "./shared-index";
import { getSearchRulesVersion, loadSearchRules } from "./rules-source";

export interface BuiltSearchIndex {
  version: string;
  /** The language it is in (its articles', but for the untranslated ones standing in). */
  locale: Locale;
  hash: string;
  json: string;
  /** Its size as browsers download it, compressed. */
  gzipBytes: number;
  engine: SearchEngine;
  /** Where browsers should search: with this index, or through /api/search. */
  source: SearchSource;
}

/** How long a content-version check is trusted: under load, one query a second instead of one a request. */
const VERSION_TTL_MS = 1_000;

interface IndexState {
  current: Promise<BuiltSearchIndex> | null;
  currentVersion: string;
  checkedAt: number;
  checking: Promise<string> | null;
}

interface Keyed {
  readers: SearchReaders;
  locale: Locale;
}

/** One per audience and language, made when first asked for. */
const states = new Map<string, IndexState & Keyed>();

function stateOf(readers: SearchReaders, locale: Locale): IndexState {
  const key = `${readers}:${locale}`;
  let state = states.get(key);
  if (!state) states.set(key, (state = { readers, locale, current: null, currentVersion: "", checkedAt: 0, checking: null }));
  return state;
}

async function currentContentVersion(readers: SearchReaders, locale: Locale, state: IndexState): Promise<string> {
  if (state.checking && Date.now() - state.checkedAt < VERSION_TTL_MS) return state.checking;
  state.checkedAt = Date.now();
  // Named by audience and language, so no two indexes share a version (nor a key in Redis).
  const checking = Promise.all([getContentVersion(siteContext(), readers), getSearchRulesVersion(siteContext())])
    .then(([content, rules]) => `${readers}:${locale}:${content}|${rules}`)
    .catch((error) => {
      if (state.checking === checking) state.checking = null;
      throw error;
    });
  state.checking = checking;
  return checking;
}

/**
 * The customers' index (public articles only), or with "staff" the one that also holds internal
 * articles: never sent to a browser as a file, answered only to signed-in staff. In `locale`: its
 * translations and, marked with their language, the untranslated articles standing in for the rest.
 * An unknown locale is the caller's to refuse (isLocale): it would build an index of its own.
 */
export async function getSearchIndex(readers: SearchReaders = "customers", locale: Locale = DEFAULT_LOCALE): Promise<BuiltSearchIndex> {
  const state = stateOf(readers, locale);
  let version: string;
  try {
    version = await currentContentVersion(readers, locale, state);
  } catch (error) {
    // The database is not answering: the index built last keeps pages and search working.
    if (state.current && isDatabaseUnavailable(error)) return state.current;
    throw error;
  }
  if (!state.current || version !== state.currentVersion) {
    state.currentVersion = version;
    const building = build(readers, locale, version).catch((error) => {
      if (state.current === building) state.current = null;
      throw error;
    });
    state.current = building;
  }
  return state.current;
}

async function build(readers: SearchReaders, locale: Locale, version: string): Promise<BuiltSearchIndex> {
  let built: SearchIndexData | null = null;
  // In a fleet one instance builds each version and the others read it (lib/search/shared-index.ts).
  const json = await sharedIndexJson(version, async () => {
    const [articles, rules] = await Promise.all([listSearchableArticles(siteContext(), readers, locale), loadSearchRules(siteContext())]);
    built = buildSearchIndex(articles.map(toSearchDocument), rules, locale);
    return JSON.stringify(built);
  });
  const data: SearchIndexData = built ?? (JSON.parse(json) as SearchIndexData);
  const hash = createHash("sha256").update(json).digest("hex").slice(0, 16);
  const gzipBytes = gzipSync(json).byteLength;
  const source = chooseSearchSource(gzipBytes, searchIndexUrl(hash, locale), env.SEARCH_CLIENT_INDEX_MAX_BYTES);
  return { version, locale, hash, json, gzipBytes, engine: new SearchEngine(data), source };
}

/** The index file's address: /search-index/<hash>.json in the default language, /search-index/<hash>.de.json in German. */
export function searchIndexUrl(hash: string, locale: Locale = DEFAULT_LOCALE): string {
  return locale === DEFAULT_LOCALE ? `/search-index/${hash}.json` : `/search-index/${hash}.${locale}.json`;
}

/** Content or search rules just changed in this process: check the version on the next request instead of within a second. */
export function refreshSearchIndexSoon() {
  for (const state of states.values()) {
    state.checking = null;
    state.checkedAt = 0;
  }
  // Rebuild now rather than on the next search: with bodies, a big library takes seconds to index.
  // The default language's customers' index always; the others (the staff's, other languages')
  // only if one was built: they wait for someone to search them.
  setTimeout(() => {
    void getSearchIndex().catch(() => {});
    for (const state of states.values()) {
      if (state.current && !(state.readers === "customers" && state.locale === DEFAULT_LOCALE))
        void getSearchIndex(state.readers, state.locale).catch(() => {});
    }
  }, 0);
}
