// Ranks articles for a query, in the browser (in a Web Worker) and on the server alike.
//
// The query is planned first (query-plan.ts): each word stands for vocabulary terms, exactly, as a
// completion of the word being typed, through a staff synonym or, when nothing else matches, through
// a believable typo correction (fuzzy.ts). Documents are scored per word by the best field the term
// is in (title > headings > tags > description > category > body) times its rarity, summed, and
// multiplied by the cube of the share of words matched; documents matching less than half the
// words are dropped. Two query words side by side anywhere in an article, in either order, count
// as one more term with its own rarity (a word-pair index, so a phrase can lift any article, not
// only the best few); the best few are then lifted when the words stand side by side in order in
// the title, description or text, or together in a sentence. Staff pins put their article first.
// Work per keystroke is bounded by the postings of the matched terms and pairs.
import { analyzerFor, ENGLISH_ANALYZER, type Analyzer } from "./analyzers";
import { TypoCorrector } from "./fuzzy";
import { FIELD_BITS, pairKey, type SearchDoc, type SearchIndexData } from "./index-data";
import { decodeNumbers } from "./postings";
import { compileSynonyms, planQuery, type SynonymForms, type Unit, type Vocabulary } from "./query-plan";
import { closeness, findSentenceStarts, makeSnippet, wordProbes } from "./snippet";
import { fold } from "./tokenize";

export interface SearchResult extends SearchDoc {
  score: number;
  /** Index keys that matched, for highlighting (highlight.ts). */
  matchedTerms: string[];
  /** Body text around the match, when the title and description do not show why it matched. */
  snippet: string | null;
  /** Put first for this query by staff. */
  pinned?: true;
  // `language` (from SearchDoc): set only on an article shown in another language than the index's.
}

export interface SearchAnswer {
  results: SearchResult[];
  /** The query the results are for when words were corrected ("password reset" for "pasword reset"), else null. */
  correctedQuery: string | null;
}

export interface SearchOptions {
  limit?: number;
  /** The words as typed: no typo correction ("Search instead for …"). */
  literal?: boolean;
}

/** How much a term counts by the field it is in; the best field counts, the others add a little. */
const FIELD_WEIGHTS = { title: 6, headings: 4, tags: 3.5, description: 2.5, category: 1.5, body: 1 } as const;
const BODY_COUNT_WEIGHTS = [0, FIELD_WEIGHTS.body, FIELD_WEIGHTS.body * 1.4, FIELD_WEIGHTS.body * 1.7];
const OTHER_FIELDS_SHARE = 0.15;
/** How much matching every word counts: score × coverage^power (½ the words: ⅛ the score). */
const COVERAGE_POWER = 3;
/** A document must match at least this share of the query's words. */
const MIN_COVERAGE = 0.5;
/** How many of the best documents are checked for the words side by side, and what that is worth. */
const PHRASE_CANDIDATES = 40;
const PHRASE_BONUS = { title: 1, description: 0.75, body: 0.5, together: 0.4 };
/**
 * Two query words side by side in an article, as a term of its own: weight × its rarity. "email not
 * arriving" is in hundreds of articles as two words apart and in one as a phrase; the pair's
 * rarity is what sets that one apart. Tuned on the benchmark's tuning queries: 3.5 to 6 rank them
 * alike at 1,000 and 10,000 articles, below 3 natural phrasings fall back, past 6 titles and typos do.
 */
const PAIR_WEIGHT = 4;
/** An article's texts: its title and description (their places in `docs` entries), and its body. */
const TITLE = 1;
const DESCRIPTION = 2;
const BODY = 3;
/** Posting code bits of the fields a result shows (title, description): a word there needs no snippet. */
const SHOWN_FIELDS = (FIELD_BITS.title | FIELD_BITS.description) << 2;

const CODE_WEIGHTS = (() => {
  const weights = new Float64Array(128);
  const fields: [number, number][] = [
    [FIELD_BITS.title, FIELD_WEIGHTS.title],
    [FIELD_BITS.headings, FIELD_WEIGHTS.headings],
    [FIELD_BITS.tags, FIELD_WEIGHTS.tags],
    [FIELD_BITS.description, FIELD_WEIGHTS.description],
    [FIELD_BITS.category, FIELD_WEIGHTS.category],
  ];
  for (let code = 0; code < 128; code++) {
    const present = [BODY_COUNT_WEIGHTS[code & 3]!, ...fields.filter(([bit]) => (code >> 2) & bit).map(([, w]) => w)].filter((w) => w > 0);
    const best = Math.max(0, ...present);
    weights[code] = best + OTHER_FIELDS_SHARE * (present.reduce((a, b) => a + b, 0) - best);
  }
  return weights;
})();

export class SearchEngine implements Vocabulary {
  readonly #data: SearchIndexData;
  readonly #postingDocs: (Int32Array | undefined)[];
  readonly #postingCodes: (Uint8Array | undefined)[];
  readonly #idf: Float64Array;
  readonly #pairDocs: Int32Array[];
  readonly #pairIdf: Float64Array;
  readonly #synonyms: Map<string, SynonymForms[]>;
  readonly #pins = new Map<string, number[]>();
  readonly #internal: ReadonlySet<number>;
  /** The index's language's analyzer, and those of its fallback articles' other languages. */
  readonly #analyzer: Analyzer;
  readonly #others: Analyzer[];
  /** Per document in another language than the index's, that language. */
  readonly #language = new Map<number, string>();
  #corrector: TypoCorrector | null = null;
  // Per article, computed when first needed: where its body's sentences start.
  readonly #sentences: (number[] | undefined)[] = [];
  // Scratch space reused by every query: no allocation proportional to the library per keystroke.
  readonly #total: Float64Array;
  readonly #best: Float64Array;
  readonly #matched: Uint8Array;
  readonly #touched: Int32Array;
  readonly #unitTouched: Int32Array;
  /** Per article, its title's length (ties rank the shorter title first). */
  readonly #titleLengths: Int32Array;

  constructor(data: SearchIndexData) {
    if (data.version !== 4) throw new Error(`Unsupported search index version ${String(data.version)}`);
    this.#data = data;
    this.#postingDocs = new Array(data.terms.length);
    this.#postingCodes = new Array(data.terms.length);
    this.#idf = new Float64Array(data.terms.length);
    this.#analyzer = analyzerFor(data.language);
    for (const [language, docs] of Object.entries(data.fallback ?? {})) for (const doc of docs) this.#language.set(doc, language);
    this.#others = [...new Set(Object.keys(data.fallback ?? {}).map(analyzerFor))].filter((analyzer) => analyzer !== this.#analyzer);
    this.#synonyms = compileSynonyms(data.synonyms, this.#analyzer);
    this.#internal = new Set(data.internal ?? []);
    for (const [query, doc] of data.pins) {
      const key = pinKey(query, this.#analyzer);
      if (key) this.#pins.set(key, [...(this.#pins.get(key) ?? []), doc]);
    }
    // Decoded now rather than on first use, so no keystroke pays for it (in the browser this runs in the worker).
    for (let term = 0; term < data.terms.length; term++) this.#docsOf(term);
    this.#pairDocs = data.pairPostings.map((postings) => {
      let doc = 0;
      return Int32Array.from(decodeNumbers(postings), (gap) => (doc += gap));
    });
    this.#pairIdf = Float64Array.from(this.#pairDocs, (docs) => Math.log(1 + Math.max(1, data.docs.length) / Math.max(1, docs.length)));
    this.#total = new Float64Array(data.docs.length);
    this.#best = new Float64Array(data.docs.length);
    this.#matched = new Uint8Array(data.docs.length);
    this.#touched = new Int32Array(data.docs.length);
    this.#unitTouched = new Int32Array(data.docs.length);
    this.#titleLengths = Int32Array.from(data.docs, (doc) => doc[1].length);
  }

  get size(): number {
    return this.#data.docs.length;
  }

  get terms(): readonly string[] {
    return this.#data.terms;
  }

  /** The language the index is in, and its queries are read in. */
  get language(): string {
    return this.#analyzer.language;
  }

  search(query: string, limit = 8): SearchResult[] {
    return this.answer(query, { limit }).results;
  }

  answer(query: string, { limit = 8, literal = false }: SearchOptions = {}): SearchAnswer {
    const units = planQuery(query, this, this.#synonyms, literal, this.#analyzer, this.#others);
    if (units.length === 0 || limit <= 0) return { results: [], correctedQuery: null };
    const recognized = units.filter((u) => u.status === "exact" || u.status === "prefix").length;
    const unknown = units.filter((u) => u.status === "none").length;
    // Nonsense: some words match nothing and the rest only through corrections.
    if (recognized === 0 && unknown > 0) return { results: [], correctedQuery: null };
    // Only corrections: every corrected word must be in the article ("flux capacitor" is not "flush capacity").
    const minMatched = recognized === 0 ? units.length : Math.ceil(units.length * MIN_COVERAGE);

    const ranked = this.#rank(units, minMatched, limit);
    const pinned = literal ? [] : (this.#pins.get(pinKey(query, this.#analyzer)) ?? []);
    const order = [...pinned, ...ranked.map((r) => r.doc).filter((doc) => !pinned.includes(doc))].slice(0, limit);
    const scoreOf = new Map(ranked.map((r) => [r.doc, r.score]));
    const top = ranked[0]?.score ?? 0;
    const results = order.map((doc, i): SearchResult => {
      const result = this.#result(doc, units, i < pinned.length ? top + pinned.length - i : (scoreOf.get(doc) ?? 0));
      return i < pinned.length ? { ...result, pinned: true } : result;
    });
    const corrected = results.length > 0 && units.some((u) => u.status === "fuzzy");
    return { results, correctedQuery: corrected ? this.#corrected(query, units, order[0]!) : null };
  }

  #rank(units: Unit[], minMatched: number, limit: number): { doc: number; score: number }[] {
    const total = this.#total;
    const best = this.#best;
    const matched = this.#matched;
    // Typed scratch lists and plain loops: this is where a keystroke's time goes at 10,000 articles.
    const touched = this.#touched;
    const unitTouched = this.#unitTouched;
    let touchedCount = 0;
    for (const unit of units) {
      let unitCount = 0;
      for (const alternative of unit.alternatives) unitCount = this.#score(alternative.terms, alternative.similarity, unitCount);
      touchedCount = addUnitBest(unitTouched, unitCount, touched, touchedCount, total, best, matched);
    }
    for (let u = 1; u < units.length; u++) this.#addPairs(units[u - 1]!, units[u]!);

    // Keep the best few (more than asked, for the phrase check); reset the scratch arrays as we go.
    const keep = Math.max(limit, PHRASE_CANDIDATES);
    const topDocs = new Int32Array(keep);
    const topScores = new Float64Array(keep);
    const kept = selectTop(touched, touchedCount, total, matched, units.length, minMatched, this.#titleLengths, topDocs, topScores);
    const top: { doc: number; score: number }[] = [];
    for (let i = 0; i < kept; i++) top.push({ doc: topDocs[i]!, score: topScores[i]! });
    if (units.length > 1) {
      const patterns = wordProbes(units.map((u) => this.#keysOf(u)));
      const stopwords = this.#analyzer.stopwords;
      const share = (count: number) => (count < 2 ? 0 : (count - 1) / (units.length - 1));
      for (const entry of top.slice(0, PHRASE_CANDIDATES)) {
        const inTitle = closeness(fold(this.#title(entry.doc)), patterns, stopwords);
        let bonus = PHRASE_BONUS.title * share(inTitle.phrase);
        if (inTitle.phrase < units.length) {
          // A phrase in the title says most; one in the body (often a passing mention) least. A
          // text that could not raise the bonus any more is not read (nor folded).
          for (const [field, weight] of [
            [DESCRIPTION, PHRASE_BONUS.description],
            [BODY, PHRASE_BONUS.body],
          ] as const) {
            if (bonus >= Math.max(weight, PHRASE_BONUS.together)) continue;
            const near = closeness(this.#folded(entry.doc, field), patterns, stopwords);
            bonus = Math.max(bonus, weight * share(near.phrase), PHRASE_BONUS.together * share(near.together));
          }
        }
        entry.score *= 1 + bonus;
      }
      top.sort((a, b) => b.score - a.score || this.#title(a.doc).length - this.#title(b.doc).length);
    }
    return top.slice(0, limit);
  }

  /**
   * Raises each document holding all `terms` to its weight for them in the unit's best scores,
   * listing documents seen for the first time in the unit after the `count` already listed; returns
   * the new count.
   */
  #score(terms: number[], similarity: number, count: number): number {
    const best = this.#best;
    const listed = this.#unitTouched;
    const add = (doc: number, value: number) => {
      if (best[doc] === 0) listed[count++] = doc;
      if (value > best[doc]!) best[doc] = value;
    };
    if (terms.length === 1) {
      const term = terms[0]!;
      const docs = this.#docsOf(term);
      const codes = this.#postingCodes[term]!;
      return raiseBest(docs, codes, this.#idf[term]! * similarity, best, listed, count);
    }
    // All of several terms: walk the rarest, look the others up.
    const lists = terms.map((term) => ({ term, docs: this.#docsOf(term) })).sort((a, b) => a.docs.length - b.docs.length);
    const [rarest, ...others] = lists;
    for (let i = 0; i < rarest!.docs.length; i++) {
      const doc = rarest!.docs[i]!;
      let sum = CODE_WEIGHTS[this.#postingCodes[rarest!.term]![i]!]! * this.#idf[rarest!.term]!;
      let all = true;
      for (const other of others) {
        const at = indexOf(other.docs, doc);
        if (at < 0) {
          all = false;
          break;
        }
        sum += CODE_WEIGHTS[this.#postingCodes[other.term]![at]!]! * this.#idf[other.term]!;
      }
      if (all) add(doc, (sum / terms.length) * similarity);
    }
    return count;
  }

  /**
   * Adds to each document that already matched the weight of the two units' words side by side in
   * it (the best pair of their alternatives: "email arriving" counts once, however many forms match).
   */
  #addPairs(first: Unit, second: Unit) {
    const best = this.#best;
    const listed = this.#unitTouched;
    let count = 0;
    for (const a of first.alternatives) {
      if (a.terms.length !== 1) continue;
      for (const b of second.alternatives) {
        if (b.terms.length !== 1) continue;
        const pair = positionOf(this.#data.pairs, pairKey(this.#data.terms[a.terms[0]!]!, this.#data.terms[b.terms[0]!]!));
        if (pair < 0) continue;
        const value = PAIR_WEIGHT * this.#pairIdf[pair]! * a.similarity * b.similarity;
        const docs = this.#pairDocs[pair]!;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          if (this.#matched[doc] === 0) continue;
          if (best[doc] === 0) listed[count++] = doc;
          if (value > best[doc]!) best[doc] = value;
        }
      }
    }
    for (let i = 0; i < count; i++) {
      const doc = listed[i]!;
      this.#total[doc]! += best[doc]!;
      best[doc] = 0;
    }
  }

  #docsOf(term: number): Int32Array {
    let docs = this.#postingDocs[term];
    if (!docs) {
      const numbers = decodeNumbers(this.#data.postings[term]!);
      const n = numbers.length / 2;
      docs = new Int32Array(n);
      const codes = new Uint8Array(n);
      let doc = 0;
      for (let i = 0; i < n; i++) {
        doc += numbers[2 * i]!;
        docs[i] = doc;
        codes[i] = numbers[2 * i + 1]!;
      }
      this.#postingDocs[term] = docs;
      this.#postingCodes[term] = codes;
      this.#idf[term] = Math.log(1 + Math.max(1, this.#data.docs.length) / Math.max(1, n));
    }
    return docs;
  }

  /** A term's posting code in a document (body count and field bits), or -1 when the document does not hold it. */
  #codeOf(term: number, doc: number): number {
    const at = indexOf(this.#docsOf(term), doc);
    return at < 0 ? -1 : this.#postingCodes[term]![at]!;
  }

  /**
   * An article's title, description or body, folded (tokenize.ts fold). Folded again each time
   * rather than kept: a copy kept per article seen would outlive the query, and copying thousands
   * of them out of the young generation cost the slowest queries more than folding a few again.
   */
  #folded(doc: number, field: typeof TITLE | typeof DESCRIPTION | typeof BODY): string {
    return fold(field === BODY ? (this.#data.bodies[doc] ?? "") : this.#data.docs[doc]![field]);
  }

  #title(doc: number): string {
    return this.#data.docs[doc]![1];
  }

  /** The index keys a unit stands for (its alternatives' terms). */
  #keysOf(unit: Unit): Set<string> {
    return new Set(unit.alternatives.flatMap((a) => a.terms.map((t) => this.#data.terms[t]!)));
  }

  #result(doc: number, units: Unit[], score: number): SearchResult {
    const [slug, title, description, category] = this.#data.docs[doc]!;
    // Per query word, the alternatives this article holds (all their terms).
    const held = units.map((unit) => unit.alternatives.filter((a) => a.terms.every((t) => this.#codeOf(t, doc) >= 0)));
    const groups = held.map((alternatives) => new Set(alternatives.flatMap((a) => a.terms.map((t) => this.#data.terms[t]!))));
    const matchedTerms = [...new Set(groups.flatMap((g) => [...g]))];
    // The title and description explain the match when they show every matched word (their field
    // bits in the postings say so); else the body shows where.
    const hidden = held.some(
      (alternatives) => alternatives.length > 0 && !alternatives.some((a) => a.terms.every((t) => (this.#codeOf(t, doc) & SHOWN_FIELDS) !== 0)),
    );
    const body = this.#data.bodies[doc] ?? "";
    const snippet = hidden
      ? makeSnippet(body, this.#folded(doc, BODY), wordProbes(groups.filter((g) => g.size > 0)), (this.#sentences[doc] ??= findSentenceStarts(body)))
      : null;
    return {
      slug,
      title,
      description,
      category: this.#data.categories[category] ?? "",
      score,
      matchedTerms,
      snippet,
      ...(this.#internal.has(doc) ? { internal: true as const } : {}),
      ...(this.#language.has(doc) ? { language: this.#language.get(doc)! } : {}),
    };
  }

  /** The analyzer a document was indexed with: its own language's. */
  #analyzerOf(doc: number): Analyzer {
    const language = this.#language.get(doc);
    return language === undefined ? this.#analyzer : analyzerFor(language);
  }

  /** The query with corrected words replaced, spelled as the top article spells them. */
  #corrected(query: string, units: Unit[], doc: number): string {
    let out = "";
    let at = 0;
    for (const unit of units) {
      if (unit.status !== "fuzzy") continue;
      const best = unit.alternatives.find((a) => a.kind === "fuzzy" && a.terms.every((t) => indexOf(this.#docsOf(t), doc) >= 0)) ?? unit.alternatives[0]!;
      const key = this.#data.terms[best.terms[0]!]!;
      out += query.slice(at, unit.start) + this.#spelling(key, doc);
      at = unit.end;
    }
    return (out + query.slice(at)).trim().replace(/\s+/g, " ");
  }

  /** How an article writes the word behind a key ("cach" → "cache"). */
  #spelling(key: string, doc: number): string {
    const pattern = new RegExp(`(?<![a-z0-9])${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[a-z]*`, "g");
    for (const field of [TITLE, DESCRIPTION, BODY] as const) {
      for (const [word] of this.#folded(doc, field).matchAll(pattern)) if (this.#analyzerOf(doc).normalizeWord(word) === key) return word;
    }
    return key;
  }

  // Vocabulary, for the query planner.
  find(term: string): number {
    return positionOf(this.#data.terms, term);
  }

  completions(prefix: string, limit: number): number[] {
    const terms = this.#data.terms;
    const found: number[] = [];
    for (let term = lowerBound(terms, prefix); term < terms.length && terms[term]!.startsWith(prefix); term++) {
      if (found.length < limit) found.push(term);
      else {
        // Keep the most common completions: replace the rarest kept one.
        let rarest = 0;
        for (let i = 1; i < found.length; i++) if (this.weight(found[i]!) < this.weight(found[rarest]!)) rarest = i;
        if (this.weight(term) > this.weight(found[rarest]!)) found[rarest] = term;
      }
    }
    return found;
  }

  weight(term: number): number {
    return this.#data.postings[term]!.length;
  }

  /**
   * Typo correction never crosses languages: with fallback articles in the index, only terms of
   * articles in the index's own language are corrected to (the others are found as typed, or as
   * completions, but a German word is never "corrected" into an English one).
   */
  corrector(): TypoCorrector {
    if (this.#corrector) return this.#corrector;
    let terms = this.#data.terms;
    if (this.#language.size > 0) {
      terms = terms.map((term, id) => (this.#docsOf(id).some((doc) => !this.#language.has(doc)) ? term : ""));
    }
    return (this.#corrector = new TypoCorrector(terms, this.#analyzer.endings));
  }
}

/**
 * A pin's query, or a customer's, as the key that finds the pin: "Cancel" and "cancel " are one.
 * Read with `analyzer` (English's by default: how pins are stored, lib/search/pins.ts).
 */
export function pinKey(query: string, analyzer: Analyzer = ENGLISH_ANALYZER): string {
  return analyzer
    .tokens(query)
    .map((t) => t.key)
    .join(" ");
}

// The hot loops of a query, as plain functions over typed arrays: they stay optimized whatever the
// shape of the query objects around them, and allocate nothing.

/** Raises each document of a term's postings to its weight × `factor` in `best`, listing those seen first; returns the new count. */
function raiseBest(docs: Int32Array, codes: Uint8Array, factor: number, best: Float64Array, listed: Int32Array, count: number): number {
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const value = CODE_WEIGHTS[codes[i]!]! * factor;
    if (best[doc] === 0) listed[count++] = doc;
    if (value > best[doc]!) best[doc] = value;
  }
  return count;
}

/** Adds a unit's best scores to the totals and counts the unit as matched; returns the new count of touched documents. */
function addUnitBest(
  unitTouched: Int32Array,
  unitCount: number,
  touched: Int32Array,
  touchedCount: number,
  total: Float64Array,
  best: Float64Array,
  matched: Uint8Array,
): number {
  for (let i = 0; i < unitCount; i++) {
    const doc = unitTouched[i]!;
    if (matched[doc] === 0) touched[touchedCount++] = doc;
    total[doc]! += best[doc]!;
    matched[doc]! += 1;
    best[doc] = 0;
  }
  return touchedCount;
}

/**
 * The best documents by total × coverage^COVERAGE_POWER, best first (ties: the shorter title, then
 * the first touched), into `topDocs` and `topScores` (their length is how many to keep); resets
 * `total` and `matched` as it goes. Returns how many were kept.
 */
function selectTop(
  touched: Int32Array,
  touchedCount: number,
  total: Float64Array,
  matched: Uint8Array,
  unitCount: number,
  minMatched: number,
  titleLengths: Int32Array,
  topDocs: Int32Array,
  topScores: Float64Array,
): number {
  const keep = topDocs.length;
  let kept = 0;
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!;
    const count = matched[doc]!;
    const coverage = count / unitCount;
    const score = total[doc]! * coverage ** COVERAGE_POWER;
    total[doc] = 0;
    matched[doc] = 0;
    if (count < minMatched) continue;
    if (kept === keep && score <= topScores[kept - 1]!) continue;
    let at = kept;
    const length = titleLengths[doc]!;
    while (at > 0 && (topScores[at - 1]! < score || (topScores[at - 1]! === score && titleLengths[topDocs[at - 1]!]! > length))) at--;
    const end = kept < keep ? kept : keep - 1;
    topDocs.copyWithin(at + 1, at, end);
    topScores.copyWithin(at + 1, at, end);
    topDocs[at] = doc;
    topScores[at] = score;
    if (kept < keep) kept++;
  }
  return kept;
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

/** Where `value` is in `sorted`, or -1. */
function positionOf(sorted: readonly string[], value: string): number {
  const at = lowerBound(sorted, value);
  return sorted[at] === value ? at : -1;
}

function indexOf(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = sorted[mid]!;
    if (at === value) return mid;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
