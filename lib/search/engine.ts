// Ranks articles for a query, in the browser (in a Web Worker) and on the server alike.
//
// Each query word is matched against the index vocabulary: exactly, as a prefix (the customer is
// still typing), or — only when neither hits — fuzzily: a bigram index over the vocabulary picks
// a few dozen look-alike terms and fuse.js, which is at its best on short strings, scores them.
// Documents are then scored with field weights and inverse document frequency, and documents that
// match every query word rank above those that match some. Work per keystroke is bounded by the
// postings of the matched terms, never by the size of the library.
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

const MAX_QUERY_TOKENS = 12;
const MAX_TOKEN_LENGTH = 32;
/** Completions considered for the word being typed (the most common ones). */
const MAX_PREFIX_TERMS = 16;
const MAX_FUZZY_CANDIDATES = 40;
const MAX_FUZZY_TERMS = 4;
const FUZZY_THRESHOLD = 0.34;
const MIN_BIGRAM_DICE = 0.4;

export class SearchEngine {
  readonly #docs: SearchIndexData["docs"];
  readonly #categories: string[];
  readonly #terms: string[];
  /** Per term: document ids and weights, decoded from the delta-encoded postings. */
  readonly #postingDocs: Int32Array[];
  readonly #postingWeights: Float32Array[];
  readonly #idf: Float64Array;
  // Scratch space reused by every query: no allocation proportional to the library per keystroke.
  readonly #total: Float64Array;
  readonly #tokenBest: Float64Array;
  readonly #tokensMatched: Uint8Array;
  #bigrams: Map<string, number[]> | null = null;
  #bigramCounts: Uint16Array | null = null;

  constructor(data: SearchIndexData) {
    if (data.version !== 2) throw new Error(`Unsupported search index version ${String(data.version)}`);
    this.#docs = data.docs;
    this.#categories = data.categories;
    this.#terms = data.terms;
    const docCount = Math.max(1, data.docs.length);
    this.#postingDocs = new Array(data.postings.length);
    this.#postingWeights = new Array(data.postings.length);
    this.#idf = new Float64Array(data.postings.length);
    data.postings.forEach((list, term) => {
      const n = list.length / 2;
      const docs = new Int32Array(n);
      const weights = new Float32Array(n);
      let doc = 0;
      for (let i = 0; i < n; i++) {
        doc += list[2 * i]!;
        docs[i] = doc;
        weights[i] = list[2 * i + 1]! / 2;
      }
      this.#postingDocs[term] = docs;
      this.#postingWeights[term] = weights;
      this.#idf[term] = Math.log(1 + docCount / Math.max(1, n));
    });
    this.#total = new Float64Array(data.docs.length);
    this.#tokenBest = new Float64Array(data.docs.length);
    this.#tokensMatched = new Uint8Array(data.docs.length);
  }

  get size(): number {
    return this.#docs.length;
  }

  search(query: string, limit = 8): SearchResult[] {
    const tokens = [...new Set(tokenize(query).map((t) => t.slice(0, MAX_TOKEN_LENGTH)))].slice(0, MAX_QUERY_TOKENS);
    if (tokens.length === 0) return [];

    const total = this.#total;
    const best = this.#tokenBest;
    const matched = this.#tokensMatched;
    const touched: number[] = [];
    // Only the last word is still being typed: the others are taken as whole words (or typos).
    const expansions = tokens.map((token, i) => this.#expand(token, i === tokens.length - 1));

    for (const candidates of expansions) {
      const tokenTouched: number[] = [];
      for (const { term, similarity } of candidates) {
        const docs = this.#postingDocs[term]!;
        const weights = this.#postingWeights[term]!;
        const factor = this.#idf[term]! * similarity;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          const value = weights[i]! * factor;
          if (best[doc] === 0) tokenTouched.push(doc);
          if (value > best[doc]!) best[doc] = value;
        }
      }
      for (const doc of tokenTouched) {
        if (matched[doc] === 0) touched.push(doc);
        total[doc]! += best[doc]!;
        matched[doc]! += 1;
        best[doc] = 0;
      }
    }

    // Keep the best `limit` documents; reset the scratch arrays as we go.
    const top: { doc: number; score: number }[] = [];
    for (const doc of touched) {
      const coverage = matched[doc]! / tokens.length;
      const score = total[doc]! * coverage * coverage;
      total[doc] = 0;
      matched[doc] = 0;
      if (top.length === limit && score <= top[top.length - 1]!.score) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1]!.score < score || (top[at - 1]!.score === score && this.#title(top[at - 1]!.doc).length > this.#title(doc).length))) at--;
      top.splice(at, 0, { doc, score });
      if (top.length > limit) top.pop();
    }

    return top.map(({ doc, score }) => {
      const [slug, title, description, category] = this.#docs[doc]!;
      return { slug, title, description, category: this.#categories[category] ?? "", score, matchedTerms: this.#matchedTerms(doc, expansions) };
    });
  }

  #title(doc: number): string {
    return this.#docs[doc]![1];
  }

  /** The vocabulary terms behind a result, for highlighting: a binary search per candidate term. */
  #matchedTerms(doc: number, expansions: TermMatch[][]): string[] {
    const terms = new Set<string>();
    for (const candidates of expansions) {
      for (const { term } of candidates) {
        if (binarySearch(this.#postingDocs[term]!, doc)) terms.add(this.#terms[term]!);
      }
    }
    return [...terms];
  }

  /** The vocabulary terms a query word stands for, each with how sure we are (0–1). */
  #expand(token: string, typing: boolean): TermMatch[] {
    const terms = this.#terms;
    const matches: TermMatch[] = [];
    let index = lowerBound(terms, token);
    if (terms[index] === token) matches.push({ term: index++, similarity: 1 });
    // A finished word that exists is taken as it is; completions are for the word being typed,
    // or for a finished word that matches nothing whole.
    if (matches.length > 0 && !typing) return matches;

    // Prefixes: when there are many completions, take the most common ones.
    let end = index;
    while (end < terms.length && terms[end]!.startsWith(token)) end++;
    const prefixed: number[] = [];
    for (let term = index; term < end; term++) prefixed.push(term);
    if (prefixed.length > MAX_PREFIX_TERMS) {
      prefixed.sort((a, b) => this.#postingDocs[b]!.length - this.#postingDocs[a]!.length);
      prefixed.length = MAX_PREFIX_TERMS;
    }
    for (const term of prefixed) matches.push({ term, similarity: 0.75 * Math.sqrt(token.length / terms[term]!.length) });
    if (matches.length > 0 || token.length < 3) return matches;

    const candidates = this.#lookAlikes(token);
    if (candidates.length === 0) return matches;
    const fuse = new Fuse(candidates.map((term) => terms[term]!), { includeScore: true, threshold: FUZZY_THRESHOLD, minMatchCharLength: 2 });
    const slack = Math.max(2, Math.ceil(token.length * 0.3));
    for (const hit of fuse.search(token, { limit: MAX_FUZZY_TERMS * 3 })) {
      if (Math.abs(hit.item.length - token.length) > slack) continue;
      matches.push({ term: candidates[hit.refIndex]!, similarity: 0.8 * (1 - (hit.score ?? 1)) });
      if (matches.length === MAX_FUZZY_TERMS) break;
    }
    return matches;
  }

  /** Vocabulary terms that share enough letter pairs with the token to be a likely typo of it. */
  #lookAlikes(token: string): number[] {
    if (!this.#bigrams) this.#buildBigrams();
    const counts = this.#bigramCounts!;
    const grams = bigramsOf(token);
    const touched: number[] = [];
    for (const gram of grams) {
      for (const term of this.#bigrams!.get(gram) ?? []) {
        if (counts[term] === 0) touched.push(term);
        counts[term]! += 1;
      }
    }
    const slack = Math.max(2, Math.ceil(token.length * 0.3));
    const scored: { term: number; dice: number }[] = [];
    for (const term of touched) {
      const text = this.#terms[term]!;
      const dice = (2 * counts[term]!) / (grams.length + text.length + 1);
      counts[term] = 0;
      if (dice >= MIN_BIGRAM_DICE && Math.abs(text.length - token.length) <= slack) scored.push({ term, dice });
    }
    scored.sort((a, b) => b.dice - a.dice);
    return scored.slice(0, MAX_FUZZY_CANDIDATES).map((s) => s.term);
  }

  #buildBigrams() {
    const map = new Map<string, number[]>();
    this.#terms.forEach((term, id) => {
      if (term.length < 2) return;
      for (const gram of new Set(bigramsOf(term))) {
        let list = map.get(gram);
        if (!list) map.set(gram, (list = []));
        list.push(id);
      }
    });
    this.#bigrams = map;
    this.#bigramCounts = new Uint16Array(this.#terms.length);
  }
}

/** Letter pairs of a word, with its start and end marked: "pop" → ^p, po, op, p$. */
function bigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) grams.push(padded.slice(i, i + 2));
  return grams;
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

function binarySearch(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = sorted[mid]!;
    if (at === value) return true;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
