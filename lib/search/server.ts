// The search index on the server: built once per change of the published content or of the staff's
// synonyms and pins, kept in memory, served to browsers as an immutable file named by its hash,
// and used for /search and /api/search.
//
// Two audiences, two indexes: customers' (public articles only: the file, /api/search, /search) and,
// built only once a signed-in staff member searches, the staff's (internal articles too), which is
// only ever answered on the server to signed-in staff (app/api/staff/search, /search for staff).
import "server-only";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { getContentVersion, listSearchableArticles, type SearchReaders } from "../articles/reads";
import { siteContext } from "../context";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { isDatabaseUnavailable } from "../db-errors";
import { env } from "../env";
import { toSearchDocument } from "./documents";
import { chooseSearchSource, type SearchSource } from "./config";
import { SearchEngine } from "./engine";
import { buildSearchIndex, type SearchIndexData } from "./index-data";
import { sharedIndexJson } from "./shared-index";
import { getSearchRulesVersion, loadSearchRules } from "./rules-source";

export interface BuiltSearchIndex {
  version: string;
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

const states: Record<SearchReaders, IndexState> = {
  customers: { current: null, currentVersion: "", checkedAt: 0, checking: null },
  staff: { current: null, currentVersion: "", checkedAt: 0, checking: null },
};

async function currentContentVersion(readers: SearchReaders, state: IndexState): Promise<string> {
  if (state.checking && Date.now() - state.checkedAt < VERSION_TTL_MS) return state.checking;
  state.checkedAt = Date.now();
  // Named by audience, so the two indexes never share a version (nor a key in Redis).
  const checking = Promise.all([getContentVersion(siteContext(), readers), getSearchRulesVersion(siteContext())])
    .then(([content, rules]) => `${readers}:${content}|${rules}`)
    .catch((error) => {
      if (state.checking === checking) state.checking = null;
      throw error;
    });
  state.checking = checking;
  return checking;
}

/**
 * The customers' index (public articles only), or with "staff" the one that also holds internal
 * articles: never sent to a browser as a file, answered only to signed-in staff.
 */
export async function getSearchIndex(readers: SearchReaders = "customers", _locale: Locale = DEFAULT_LOCALE): Promise<BuiltSearchIndex> {
  const state = states[readers];
  let version: string;
  try {
    version = await currentContentVersion(readers, state);
  } catch (error) {
    // The database is not answering: the index built last keeps pages and search working.
    if (state.current && isDatabaseUnavailable(error)) return state.current;
    throw error;
  }
  if (!state.current || version !== state.currentVersion) {
    state.currentVersion = version;
    const building = build(readers, version).catch((error) => {
      if (state.current === building) state.current = null;
      throw error;
    });
    state.current = building;
  }
  return state.current;
}

async function build(readers: SearchReaders, version: string): Promise<BuiltSearchIndex> {
  let built: SearchIndexData | null = null;
  // In a fleet one instance builds each version and the others read it (lib/search/shared-index.ts).
  const json = await sharedIndexJson(version, async () => {
    const [articles, rules] = await Promise.all([listSearchableArticles(siteContext(), readers), loadSearchRules(siteContext())]);
    built = buildSearchIndex(articles.map(toSearchDocument), rules);
    return JSON.stringify(built);
  });
  const data: SearchIndexData = built ?? (JSON.parse(json) as SearchIndexData);
  const hash = createHash("sha256").update(json).digest("hex").slice(0, 16);
  const gzipBytes = gzipSync(json).byteLength;
  const source = chooseSearchSource(gzipBytes, searchIndexUrl(hash), env.SEARCH_CLIENT_INDEX_MAX_BYTES);
  return { version, hash, json, gzipBytes, engine: new SearchEngine(data), source };
}

export function searchIndexUrl(hash: string): string {
  return `/search-index/${hash}.json`;
}

/** Content or search rules just changed in this process: check the version on the next request instead of within a second. */
export function refreshSearchIndexSoon() {
  for (const state of Object.values(states)) {
    state.checking = null;
    state.checkedAt = 0;
  }
  // Rebuild now rather than on the next search: with bodies, a big library takes seconds to index.
  // The staff's only if one was built: it waits for a staff member to search.
  setTimeout(() => {
    void getSearchIndex().catch(() => {});
    if (states.staff.current) void getSearchIndex("staff").catch(() => {});
  }, 0);
}
