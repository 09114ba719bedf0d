// One analyzer per language: how its text becomes index keys. An index records its language
// (index-data.ts) and is searched with that language's analyzer; an article shown in another
// language's index because it is not translated yet (a fallback) is indexed with its own language's.
//
// English is tokenize.ts, exactly as it always was. German (german.ts) folds umlauts and ß, stems
// with CISTEM and has its own stopwords; contractions and two-word verbs ("log in") stay English.
// A language without an analyzer of its own is read with the English one.
import { foldGerman, GERMAN_STOPWORDS, stemGerman } from "./german";
import { isUseful, normalizeWord, STOPWORDS, tokens, type Token } from "./tokenize";

export interface Analyzer {
  language: string;
  /** The tokens of a text, with their index keys and offsets. */
  tokens(text: string): Token[];
  /** The index key of one plain word. */
  normalizeWord(word: string): string;
  /** A key worth indexing. */
  isUseful(key: string): boolean;
  /** Words skipped between two query words that still count as side by side. */
  stopwords: ReadonlySet<string>;
  /** Endings the stemmer takes off, for judging a typo against a stem (fuzzy.ts); undefined: English's. */
  endings?: readonly string[];
}

export const ENGLISH_ANALYZER: Analyzer = { language: "en", tokens, normalizeWord, isUseful, stopwords: STOPWORDS };

const germanStems = new Map<string, string>();
function stemmedGerman(word: string): string {
  let found = germanStems.get(word);
  if (found === undefined) {
    if (germanStems.size > 50_000) germanStems.clear();
    germanStems.set(word, (found = stemGerman(word)));
  }
  return found;
}

const isUsefulGerman = (key: string) => key.length > 0;

/** A word, or a run of words joined by dots, underscores, hyphens or apostrophes (as tokenize.ts). */
const CHUNK = /[\p{L}\p{N}]+(?:[._\-'’][\p{L}\p{N}]+)*/gu;

/**
 * German tokens: folded (foldGerman), stemmed (stemGerman), stopwords left out by the word as
 * written (a stem may look like one: "Waren" is not "war"). Names with dots, underscores or hyphens
 * are kept whole and in parts as in English ("E-Mail-Adresse" → emailadress, e, mail, adress);
 * an apostrophe only joins ("geht's" → gehts).
 */
export function germanTokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(CHUNK)) {
    const start = match.index;
    const end = start + match[0].length;
    const chunk = foldGerman(match[0]).replace(/['’]/g, "");
    if (!chunk || GERMAN_STOPWORDS.has(chunk)) continue;
    if (!/[._-]/.test(chunk)) {
      const plain = /^[a-z]+$/.test(chunk);
      const key = plain ? stemmedGerman(chunk) : chunk;
      found.push({ text: chunk, key, parts: [], plain, start, end, ...(key !== chunk ? { prefix: chunk } : {}) });
      continue;
    }
    const pieces = chunk.split(/[._-]/).filter(Boolean);
    const parts = [...new Set(pieces.filter((p) => !GERMAN_STOPWORDS.has(p)).map((p) => (/^[a-z]+$/.test(p) ? stemmedGerman(p) : p)))];
    if (/^[a-z]+(?:-[a-z]+)+$/.test(chunk)) {
      const key = stemmedGerman(pieces.join(""));
      found.push({ text: chunk, key, parts: parts.filter((p) => p !== key), plain: false, start, end });
    } else {
      found.push({ text: chunk, key: chunk, parts, plain: false, start, end });
    }
  }
  return found;
}

export const GERMAN_ANALYZER: Analyzer = {
  language: "de",
  tokens: germanTokens,
  normalizeWord: (word) => stemmedGerman(foldGerman(word)),
  isUseful: isUsefulGerman,
  stopwords: GERMAN_STOPWORDS,
  endings: ["", "e", "n", "s", "t", "en", "er", "em", "nd", "es", "st", "te", "ern", "ten"],
};

const ANALYZERS: Record<string, Analyzer> = { en: ENGLISH_ANALYZER, de: GERMAN_ANALYZER };

/** The analyzer of a language ("en" when not given; English's for a language without its own). */
export function analyzerFor(language: string | undefined): Analyzer {
  return (language && ANALYZERS[language]) || ENGLISH_ANALYZER;
}

/** A token's index keys under an analyzer: its key, when worth indexing, and its parts. */
export function keysUnder(analyzer: Analyzer, token: Token): string[] {
  return analyzer.isUseful(token.key) ? [token.key, ...token.parts] : token.parts;
}
