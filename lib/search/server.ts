// The search index on the server: built once per change of the published content or of the staff's
// synonyms and pins, kept in memory, served to browsers as an immutable file named by its hash,
// and used for /search and /api/search.
import "server-only";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { getContentVersion, listSearchableArticles } from "../articles/reads";
import { siteContext } from "../context";
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

let current: Promise<BuiltSearchIndex> | null = null;
let currentVersion = "";

/** How long a content-version check is trusted: under load, one query a second instead of one a request. */
const VERSION_TTL_MS = 1_000;
let checkedAt = 0;
let checking: Promise<string> | null = null;

async function currentContentVersion(): Promise<string> {
  if (checking && Date.now() - checkedAt < VERSION_TTL_MS) return checking;
  checkedAt = Date.now();
  checking = Promise.all([getContentVersion(siteContext()), getSearchRulesVersion(siteContext())])
    .then(([content, rules]) => `${content}|${rules}`)
    .catch((error) => {
      checking = null;
      throw error;
    });
  return checking;
}

export async function getSearchIndex(): Promise<BuiltSearchIndex> {
  let version: string;
  try {
    version = await currentContentVersion();
  } catch (error) {
    // The database is not answering: the index built last keeps pages and search working.
    if (current && isDatabaseUnavailable(error)) return current;
    throw error;
  }
  if (!current || version !== currentVersion) {
    currentVersion = version;
    current = build(version).catch((error) => {
      current = null;
      throw error;
    });
  }
  return current;
}

async function build(version: string): Promise<BuiltSearchIndex> {
  let built: SearchIndexData | null = null;
  // In a fleet one instance builds each version and the others read it (lib/search/shared-index.ts).
  const json = await sharedIndexJson(version, async () => {
    const [articles, rules] = await Promise.all([listSearchableArticles(siteContext()), loadSearchRules(siteContext())]);
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
  checking = null;
  checkedAt = 0;
  // Rebuild now rather than on the next search: with bodies, a big library takes seconds to index.
  setTimeout(() => void getSearchIndex().catch(() => {}), 0);
}
