// The staff's synonyms and pins as the public search index needs them, and a fingerprint that
// changes with every change to them (each change writes a history row). What this returns is
// public once in the index; who changed it is not read here.
import type { SiteContext } from "../context";
import type { SearchRules } from "./index-data";

export async function loadSearchRules({ db }: SiteContext): Promise<SearchRules> {
  const [synonyms, pins] = await Promise.all([
    db.searchSynonym.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { terms: true } }),
    db.searchPin.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { query: true, article: { select: { slug: true } } } }),
  ]);
  return {
    synonyms: synonyms.map((row) => parseList(row.terms)).filter((terms) => terms.length >= 2),
    pins: pins.map((pin) => ({ query: pin.query, slug: pin.article.slug })),
  };
}

export async function getSearchRulesVersion({ db }: SiteContext): Promise<string> {
  const [count, latest] = await Promise.all([db.searchRuleChange.count(), db.searchRuleChange.aggregate({ _max: { createdAt: true } })]);
  return `${count}:${latest._max.createdAt?.getTime() ?? 0}`;
}

function parseList(stored: string): string[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}
