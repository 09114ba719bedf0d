// What a query asks for: its words ("units"), each with the vocabulary terms it may stand for and
// how sure we are of each (similarity 0–1). Staff synonyms join words into one unit with the other
// ways of saying it; the word still being typed also stands for its completions; a word that
// matches nothing whole may be corrected (fuzzy.ts), and is then marked so the answer can say so.
import { ENGLISH_ANALYZER, type Analyzer } from "./analyzers";
import type { TypoCorrector } from "./fuzzy";
import type { Token } from "./tokenize";

type MatchKind = "exact" | "prefix" | "fuzzy";

interface Alternative {
  /** Terms that must all be in a document (one, or the parts of a name or phrase). */
  terms: number[];
  similarity: number;
  kind: MatchKind;
}

export interface Unit {
  /** Where it was typed in the query. */
  start: number;
  end: number;
  text: string;
  key: string;
  alternatives: Alternative[];
  /** How it matched at best: exactly (or by a synonym), as a completion, only through a correction, or not at all. */
  status: MatchKind | "none";
}

export interface Vocabulary {
  terms: readonly string[];
  find(term: string): number;
  /** Terms starting with `prefix`, the most common first, at most `limit`. */
  completions(prefix: string, limit: number): number[];
  /** How common a term is, for ranking corrections. */
  weight(term: number): number;
  corrector(): TypoCorrector;
}

/** A synonym group as key sequences: ["2fa"], ["twofactor"], ["two", "factor"], ["mfa"]. */
export type SynonymForms = string[][];

const MAX_UNITS = 12;
const MAX_PREFIX_TERMS = 16;
const MAX_FUZZY_TERMS = 4;
/** Endings a stem may be followed by while the customer is still typing ("forwardi" → forward). */
const ENDINGS = ["ing", "ed", "es", "s", "e", "er"];

/**
 * The units of a query read with `analyzer` (the index's language). `others`: the analyzers of the
 * index's fallback articles in other languages; each word also stands for its key in those, exactly
 * or as a completion, never through a correction.
 */
export function planQuery(
  query: string,
  vocabulary: Vocabulary,
  synonyms: ReadonlyMap<string, SynonymForms[]>,
  literal: boolean,
  analyzer: Analyzer = ENGLISH_ANALYZER,
  others: readonly Analyzer[] = [],
): Unit[] {
  const seen = new Set<string>();
  const found = analyzer.tokens(query).filter((t) => !seen.has(t.key) && seen.add(t.key));
  const units: Unit[] = [];
  for (let i = 0; i < found.length && units.length < MAX_UNITS; i++) {
    const token = found[i]!;
    const typing = i === found.length - 1 && !/\s$/.test(query);
    // "how to download invoices" in a German index: "how" and "to" are stopwords of the English
    // articles standing in, not words to look for (unless the index holds them, or one is being typed).
    if (!typing && others.some((other) => other.stopwords.has(token.text)) && vocabulary.find(token.key) < 0) continue;
    const synonym = matchSynonym(found, i, synonyms);
    if (synonym) {
      const last = found[i + synonym.length - 1]!;
      const alternatives = synonym.group.flatMap((keys): Alternative[] => {
        const terms = keys.map((key) => vocabulary.find(key));
        if (terms.some((t) => t < 0)) return [];
        return [{ terms, similarity: sameKeys(keys, synonym.typed) ? 1 : 0.95, kind: "exact" }];
      });
      if (synonym.length === 1)
        alternatives.push(...expand(token, typing, literal, vocabulary, foreignKeys(query, token, others)).filter((a) => a.kind !== "fuzzy"));
      units.push(unit(token, last, dedupe(alternatives)));
      i += synonym.length - 1;
      continue;
    }
    units.push(unit(token, token, expand(token, typing, literal, vocabulary, foreignKeys(query, token, others))));
  }
  return units;
}

function unit(first: Token, last: Token, alternatives: Alternative[]): Unit {
  const rank: Record<Unit["status"], number> = { exact: 3, prefix: 2, fuzzy: 1, none: 0 };
  const status = alternatives.reduce<Unit["status"]>((best, a) => (rank[a.kind] > rank[best] ? a.kind : best), "none");
  const text = first === last ? first.text : `${first.text} ${last.text}`;
  return { start: first.start, end: last.end, text, key: first.key, alternatives, status };
}

function matchSynonym(found: readonly Token[], at: number, synonyms: ReadonlyMap<string, SynonymForms[]>) {
  let best: { group: SynonymForms; typed: string[]; length: number } | null = null;
  for (const group of synonyms.get(found[at]!.key) ?? []) {
    for (const keys of group) {
      if (keys.length > found.length - at || (best && keys.length <= best.length)) continue;
      if (keys.every((key, k) => found[at + k]!.key === key)) best = { group, typed: keys, length: keys.length };
    }
  }
  return best;
}

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key, i) => key === b[i]);

function dedupe(alternatives: Alternative[]): Alternative[] {
  const byTerms = new Map<string, Alternative>();
  for (const a of alternatives) {
    const id = a.terms.join(",");
    const seen = byTerms.get(id);
    if (!seen || seen.similarity < a.similarity) byTerms.set(id, a);
  }
  return [...byTerms.values()];
}

/** The keys a token's text has under the other languages' analyzers, where they differ from its own. */
function foreignKeys(query: string, token: Token, others: readonly Analyzer[]): string[] {
  if (others.length === 0 || !token.plain) return [];
  const keys = new Set<string>();
  for (const other of others) {
    const [only, ...more] = other.tokens(query.slice(token.start, token.end));
    if (only && more.length === 0 && only.plain && only.key !== token.key) keys.add(only.key);
  }
  return [...keys];
}

/** The terms one token may stand for; `foreign`: its keys in the fallback articles' languages. */
function expand(token: Token, typing: boolean, literal: boolean, vocabulary: Vocabulary, foreign: readonly string[] = []): Alternative[] {
  const alternatives: Alternative[] = [];
  const exact = vocabulary.find(token.key);
  if (exact >= 0) alternatives.push({ terms: [exact], similarity: 1, kind: "exact" });
  if (token.parts.length > 1 && token.parts.every((part) => part.length > 1)) {
    // A name in parts: "wp-config.php" also found where "wp", "config" and "php" all appear.
    const parts = token.parts.map((part) => vocabulary.find(part));
    if (parts.every((t) => t >= 0)) alternatives.push({ terms: parts, similarity: exact >= 0 ? 0.35 : 0.85, kind: "exact" });
  }
  for (const key of foreign) {
    const term = vocabulary.find(key);
    if (term >= 0 && term !== exact) alternatives.push({ terms: [term], similarity: 1, kind: "exact" });
  }
  // A finished word that exists is taken as it is; completions are for the word being typed, or
  // for a finished word that matches nothing whole.
  if (alternatives.length > 0 && !typing) return alternatives;

  const listed = new Set(alternatives.flatMap((a) => (a.terms.length === 1 ? a.terms : [])));
  // The key, or (German) the word as typed when stemming took something off: "einste" (stemmed
  // "ein") completes to einstellung, "passworte" (stemmed "passwor", an exact match) to nothing
  // more; then the other languages' keys.
  for (const prefix of [token.prefix ?? token.key, ...foreign]) {
    for (const term of vocabulary.completions(prefix, MAX_PREFIX_TERMS)) {
      if (term === exact || listed.has(term)) continue;
      listed.add(term);
      const similarity = 0.75 * Math.sqrt(Math.min(1, prefix.length / vocabulary.terms[term]!.length));
      alternatives.push({ terms: [term], similarity, kind: "prefix" });
    }
  }
  if (typing && token.plain && alternatives.length === 0) {
    // "forwardi": a stem and the start of an ending.
    for (let cut = 1; cut <= 3 && cut < token.text.length - 2; cut++) {
      const ending = token.text.slice(-cut);
      const stemmed = vocabulary.find(token.text.slice(0, -cut));
      if (stemmed >= 0 && ENDINGS.some((e) => e.startsWith(ending))) {
        alternatives.push({ terms: [stemmed], similarity: 0.9, kind: "prefix" });
        break;
      }
    }
  }
  if (alternatives.length > 0 || literal || !token.plain) return alternatives;

  const corrections = vocabulary.corrector().correct(token.key, MAX_FUZZY_TERMS, (term) => vocabulary.weight(term));
  for (const { term, similarity } of corrections) alternatives.push({ terms: [term], similarity: 0.8 * similarity, kind: "fuzzy" });
  return alternatives;
}

/** Synonym groups as staff wrote them → key sequences, looked up by their first key. */
export function compileSynonyms(groups: readonly (readonly string[])[], analyzer: Analyzer = ENGLISH_ANALYZER): Map<string, SynonymForms[]> {
  const byFirst = new Map<string, SynonymForms[]>();
  for (const group of groups) {
    const forms: SynonymForms = [];
    for (const member of group) {
      const found = analyzer.tokens(member);
      if (found.length === 0) continue;
      forms.push(found.map((t) => t.key));
      // "two-factor" is also typed "two factor".
      if (found.length === 1 && found[0]!.parts.length > 1) forms.push(found[0]!.parts);
    }
    for (const keys of forms) {
      const list = byFirst.get(keys[0]!) ?? [];
      if (!list.includes(forms)) list.push(forms);
      byFirst.set(keys[0]!, list);
    }
  }
  return byFirst;
}
