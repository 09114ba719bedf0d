// The search index: a compact inverted index (term → documents, with the fields each term is in)
// that the browser downloads and the server keeps in memory, with each article's body text for
// snippets and the staff's synonyms and pins, so one engine applies them everywhere.
//
// Format (version 4):
//   docs:        [slug, title, description, categoryIndex][]
//   categories:  category names, referenced by index
//   terms:       sorted vocabulary of index keys (tokenize.ts: stemmed words, numbers, dotted names)
//   postings[i]: documents containing terms[i] as one string (postings.ts): gap, code, gap, code, …
//                code = body count bucket (0 absent, 1 once, 2 two or three times, 3 more)
//                     + 4 × fields (1 description, 2 category, 4 tags, 8 headings, 16 title)
//   pairs:       sorted "key key" pairs of words side by side in an article (only stopwords between,
//                same sentence, same tag or heading), so a phrase can lift any article, not only the best few
//   pairPostings[i]: documents holding pairs[i], as document gaps
//   bodies:      each article's body as plain text (headings, paragraphs, table rows), capped
//   synonyms:    groups of words or phrases that mean the same, as staff wrote them
//   pins:        [query as staff wrote it, document] — that document comes first for that query
//   internal:    documents only signed-in staff may read; only in the staff's index, absent from
//                the customers' (which holds no internal article at all)
//   language:    the language of the index ("en", "de"): queries are read with its analyzer (analyzers.ts)
//   fallback:    documents in another language, by language: articles not translated yet, shown in
//                their own language; indexed with their language's analyzer. Absent when there are none.
import { analyzerFor, keysUnder, type Analyzer } from "./analyzers";
import { encodeNumbers } from "./postings";
import { SENTENCE_BREAK } from "./snippet";
import type { Token } from "./tokenize";

export interface SearchDocumentInput {
  slug: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  headings: string[];
  /** The body as plain text (documents.ts), one block per line. */
  body: string;
  /** For signed-in staff only: marked in results. Only the staff's index is built with such articles. */
  internal?: boolean;
  /** Set when the article is not in the index's language (an untranslated fallback): the language it is in. */
  language?: string;
}

export interface SearchRules {
  synonyms: string[][];
  pins: { query: string; slug: string }[];
}

export interface SearchDoc {
  slug: string;
  title: string;
  description: string;
  category: string;
  /** Only signed-in staff may read it (only the staff's index holds such articles). */
  internal?: true;
  /** The language it is written in, when not the index's: a fallback for an article not translated yet. */
  language?: string;
}

export interface SearchIndexData {
  version: 4;
  docs: [slug: string, title: string, description: string, category: number][];
  categories: string[];
  terms: string[];
  postings: string[];
  pairs: string[];
  pairPostings: string[];
  bodies: string[];
  synonyms: string[][];
  pins: [query: string, doc: number][];
  internal?: number[];
  /** The index's language; absent in indexes built before languages: English. */
  language?: string;
  /** Documents in another language than the index's, by language. */
  fallback?: Record<string, number[]>;
}

/** Field bits in a posting's code (above the two bits of the body count). */
export const FIELD_BITS = { description: 1, category: 2, tags: 4, headings: 8, title: 16 } as const;

/** Body text kept for snippets and phrase matching; every word of the body is indexed regardless. */
const MAX_BODY_CHARS = 6_000;

/**
 * The key of two words side by side, in either order ("email arriv" for "email is not arriving"):
 * customers reorder words ("password reset" for "Reset your password").
 */
export const pairKey = (first: string, second: string) => (first < second ? `${first} ${second}` : `${second} ${first}`);

const bodyBucket = (count: number) => (count === 0 ? 0 : count === 1 ? 1 : count <= 3 ? 2 : 3);

/**
 * The index of `inputs` in `language`: each document is read with its own language's analyzer
 * (its `language` when set, else the index's).
 */
export function buildSearchIndex(inputs: readonly SearchDocumentInput[], rules: SearchRules = { synonyms: [], pins: [] }, language = "en"): SearchIndexData {
  // term → doc → [field bits, body count]
  const byTerm = new Map<string, Map<number, [number, number]>>();
  const entry = (term: string, doc: number) => {
    let docs = byTerm.get(term);
    if (!docs) byTerm.set(term, (docs = new Map()));
    let seen = docs.get(doc);
    if (!seen) docs.set(doc, (seen = [0, 0]));
    return seen;
  };
  const byPair = new Map<string, number[]>();
  const addPairs = (analyzer: Analyzer, text: string, found: readonly Token[], doc: number) => {
    for (let i = 1; i < found.length; i++) {
      const [before, after] = [found[i - 1]!, found[i]!];
      if (!analyzer.isUseful(before.key) || !analyzer.isUseful(after.key) || SENTENCE_BREAK.test(text.slice(before.end, after.start))) continue;
      const pair = pairKey(before.key, after.key);
      const docs = byPair.get(pair);
      if (!docs) byPair.set(pair, [doc]);
      else if (docs.at(-1) !== doc) docs.push(doc);
    }
  };
  const fallback: Record<string, number[]> = {};
  inputs.forEach((input, doc) => {
    const analyzer = analyzerFor(input.language ?? language);
    if (input.language && input.language !== language) (fallback[input.language] ??= []).push(doc);
    const tokenize = (text: string) => analyzer.tokens(text).flatMap((token) => keysUnder(analyzer, token));
    const fields: [string, number][] = [
      [input.title, FIELD_BITS.title],
      [input.tags.join(" · "), FIELD_BITS.tags],
      [input.headings.join(" · "), FIELD_BITS.headings],
      [input.category, FIELD_BITS.category],
      [input.description, FIELD_BITS.description],
    ];
    for (const [text, bit] of fields) for (const term of tokenize(text)) entry(term, doc)[0] |= bit;
    const counts = new Map<string, number>();
    const bodyTokens = analyzer.tokens(input.body);
    for (const token of bodyTokens) {
      for (const term of keysUnder(analyzer, token)) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    for (const [term, count] of counts) entry(term, doc)[1] += count;
    // Pairs within each tag and heading, never across two of them.
    for (const text of [input.title, input.description, ...input.tags, ...input.headings]) addPairs(analyzer, text, analyzer.tokens(text), doc);
    addPairs(analyzer, input.body, bodyTokens, doc);
  });

  const categories = [...new Set(inputs.map((input) => input.category))];
  const categoryIndex = new Map(categories.map((name, i) => [name, i]));
  const slugIndex = new Map(inputs.map((input, i) => [input.slug, i]));
  const terms = [...byTerm.keys()].sort();
  const pairs = [...byPair.keys()].sort();
  return {
    version: 4,
    docs: inputs.map((input) => [input.slug, input.title, input.description, categoryIndex.get(input.category)!]),
    categories,
    terms,
    postings: terms.map((term) => {
      // Documents arrive in index order, so gaps are never negative.
      const numbers: number[] = [];
      let previous = 0;
      for (const [doc, [fields, bodyCount]] of byTerm.get(term)!) {
        numbers.push(doc - previous, bodyBucket(bodyCount) + 4 * fields);
        previous = doc;
      }
      return encodeNumbers(numbers);
    }),
    pairs,
    pairPostings: pairs.map((pair) => encodeNumbers(byPair.get(pair)!.map((doc, i, docs) => doc - (i > 0 ? docs[i - 1]! : 0)))),
    bodies: inputs.map((input) => capText(input.body, MAX_BODY_CHARS)),
    synonyms: rules.synonyms.map((group) => [...group]),
    pins: rules.pins.flatMap((pin) => {
      const doc = slugIndex.get(pin.slug);
      return doc === undefined ? [] : [[pin.query, doc] as [string, number]];
    }),
    ...(inputs.some((input) => input.internal) ? { internal: inputs.flatMap((input, doc) => (input.internal ? [doc] : [])) } : {}),
    language,
    ...(Object.keys(fallback).length > 0 ? { fallback } : {}),
  };
}

function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf("\n"), cut.lastIndexOf(". "));
  return end > max / 2 ? cut.slice(0, end + 1).trimEnd() : cut;
}
