// Ranks articles for a query. Each query word is matched against the index vocabulary: exactly,
// as a prefix (the customer is still typing), or — only when neither hits — fuzzily with fuse.js
// over the vocabulary, which is small and made of short strings, where fuse.js is at its best.
// Documents are then scored with field weights and inverse document frequency, and documents
// that match every query word rank above those that match some.
import Fuse from "fuse.js";
import type { SearchDoc, SearchIndexData } from "./index-data";
import { tokenize } from "./tokenize";

export interface SearchResult extends SearchDoc {
  score: number;
  /** Index terms that matched, for highlighting. */
  matchedTerms: string[];
}

interface TermMatch {
  term: number;
  similarity: number;
}

const MAX_PREFIX_TERMS = 40;
const MAX_FUZZY_TERMS = 4;
const FUZZY_THRESHOLD = 0.34;
const MAX_TOKEN_LENGTH = 32;

export class SearchEngine {
  readonly #data: SearchIndexData;
  readonly #idf: Float64Array;
  #fuse: Fuse<string> | null = null;

  constructor(data: SearchIndexData) {
    this.#data = data;
    const docCount = Math.max(1, data.docs.length);
    this.#idf = Float64Array.from(data.postings, (list) => Math.log(1 + docCount / Math.max(1, list.length / 2)));
  }

  get size(): number {
    return this.#data.docs.length;
  }

  search(query: string, limit = 8): SearchResult[] {
    const tokens = [...new Set(tokenize(query).map((t) => t.slice(0, MAX_TOKEN_LENGTH)))].slice(0, 12);
    if (tokens.length === 0) return [];

    const scores = new Map<number, { score: number; tokens: number; terms: Set<string> }>();
    for (const token of tokens) {
      const best = new Map<number, { value: number; term: number }>();
      for (const { term, similarity } of this.#expand(token)) {
        const postings = this.#data.postings[term]!;
        const idf = this.#idf[term]!;
        for (let i = 0; i < postings.length; i += 2) {
          const doc = postings[i]!;
          const value = idf * postings[i + 1]! * similarity;
          const current = best.get(doc);
          if (!current || value > current.value) best.set(doc, { value, term });
        }
      }
      for (const [doc, { value, term }] of best) {
        const entry = scores.get(doc) ?? { score: 0, tokens: 0, terms: new Set<string>() };
        entry.score += value;
        entry.tokens += 1;
        entry.terms.add(this.#data.terms[term]!);
        scores.set(doc, entry);
      }
    }

    const ranked: SearchResult[] = [];
    for (const [doc, entry] of scores) {
      const coverage = entry.tokens / tokens.length;
      ranked.push({
        ...this.#data.docs[doc]!,
        score: entry.score * coverage * coverage,
        matchedTerms: [...entry.terms],
      });
    }
    ranked.sort((a, b) => b.score - a.score || a.title.length - b.title.length);
    return ranked.slice(0, limit);
  }

  /** The vocabulary terms a query word stands for, each with how sure we are (0–1). */
  #expand(token: string): TermMatch[] {
    const terms = this.#data.terms;
    const matches: TermMatch[] = [];
    let index = lowerBound(terms, token);
    if (terms[index] === token) matches.push({ term: index++, similarity: 1 });
    for (let n = 0; index < terms.length && n < MAX_PREFIX_TERMS && terms[index]!.startsWith(token); index++, n++) {
      matches.push({ term: index, similarity: 0.75 * Math.sqrt(token.length / terms[index]!.length) });
    }
    if (matches.length > 0 || token.length < 3) return matches;

    this.#fuse ??= new Fuse(terms, { includeScore: true, threshold: FUZZY_THRESHOLD, minMatchCharLength: 2 });
    const slack = Math.max(2, Math.ceil(token.length * 0.3));
    for (const hit of this.#fuse.search(token, { limit: MAX_FUZZY_TERMS * 3 })) {
      if (Math.abs(hit.item.length - token.length) > slack) continue;
      matches.push({ term: hit.refIndex, similarity: 0.8 * (1 - (hit.score ?? 1)) });
      if (matches.length === MAX_FUZZY_TERMS) break;
    }
    return matches;
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
