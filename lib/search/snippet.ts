// Snippets and closeness, from an article's stored text. Both find the query's words as words of
// the folded text that start with one of their keys (indexOf, no tokenizing of whole bodies), so
// they cost little even on long articles.
import { STOPWORDS } from "./tokenize";

const SNIPPET_MAX_CHARS = 180;
const CONTEXT_BEFORE = 50;

/** What a key's words start with in folded text: "policy" → "polic" (policies), "cach" (cache). */
function probeOf(key: string): string {
  return key.endsWith("y") && key.length > 3 ? key.slice(0, -1) : key;
}

/** Per query word, what its words start with in folded text (longest first). */
export type WordProbes = readonly (readonly string[])[];

export function wordProbes(groups: readonly ReadonlySet<string>[]): WordProbes {
  return groups.map((keys) => [...new Set([...keys].map(probeOf).filter(Boolean))].sort((a, b) => b.length - a.length));
}

interface Hit {
  start: number;
  end: number;
  group: number;
}

const isWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 0xc0 && code <= 0x24f);

/** Every word of `folded` that starts with one of a query word's probes (found with indexOf, not regular expressions). */
function hitsIn(folded: string, probes: WordProbes): Hit[] {
  const hits: Hit[] = [];
  probes.forEach((list, group) => {
    const starts = new Set<number>();
    for (const probe of list) {
      for (let at = folded.indexOf(probe); at >= 0; at = folded.indexOf(probe, at + 1)) {
        if ((at > 0 && isWordChar(folded.charCodeAt(at - 1))) || starts.has(at)) continue;
        let end = at + probe.length;
        while (end < folded.length && isWordChar(folded.charCodeAt(end))) end++;
        starts.add(at);
        hits.push({ start: at, end, group });
      }
    }
  });
  return hits.sort((a, b) => a.start - b.start || a.group - b.group);
}

/** Where words stop being side by side: the end of a sentence or a line. */
export const SENTENCE_BREAK = /[.!?](?:\s|$)|\n/;
const WORD = /[a-z0-9\u00c0-\u024f]+/g;

/** Only stopwords and punctuation between two hits: they stand side by side. */
function adjacent(between: string, stopwords: ReadonlySet<string>): boolean {
  if (SENTENCE_BREAK.test(between)) return false;
  for (const [word] of between.matchAll(WORD)) if (!stopwords.has(word)) return false;
  return true;
}

export interface Closeness {
  /** The longest run of query words side by side and in order ("port 587" written "Port: 587"). */
  phrase: number;
  /** The most query words found in one sentence. */
  together: number;
}

/**
 * How close the query words come to each other in `folded` (text already folded, tokenize.ts fold);
 * `stopwords` may stand between words side by side (the index language's).
 */
export function closeness(folded: string, probes: WordProbes, stopwords: ReadonlySet<string> = STOPWORDS): Closeness {
  if (probes.length < 2) return { phrase: 0, together: 0 };
  const hits = hitsIn(folded, probes);
  let phrase = hits.length > 0 ? 1 : 0;
  let together = hits.length > 0 ? 1 : 0;
  // run: the longest in-order run ending at each hit; sentence: the query words seen since the last break.
  const runs = new Array<number>(hits.length).fill(1);
  let sentence = new Set<number>();
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    if (i > 0 && SENTENCE_BREAK.test(folded.slice(hits[i - 1]!.end, hit.start))) sentence = new Set();
    sentence.add(hit.group);
    together = Math.max(together, sentence.size);
    for (let j = i - 1; j >= 0 && hits[j]!.start === hits[i - 1]!.start; j--) {
      const before = hits[j]!;
      if (before.group === hit.group - 1 && before.end <= hit.start && adjacent(folded.slice(before.end, hit.start), stopwords))
        runs[i] = Math.max(runs[i]!, runs[j]! + 1);
    }
    phrase = Math.max(phrase, runs[i]!);
  }
  return { phrase, together };
}

const SENTENCE_SPLIT = /[.!?]\s+(?=["“(]?[A-Z0-9])|\n/g;

/** Where each sentence of a body starts, with the body's length + 1 at the end. */
export function findSentenceStarts(body: string): number[] {
  const starts = [0];
  for (const match of body.matchAll(SENTENCE_SPLIT)) starts.push(match.index + match[0].length);
  starts.push(body.length + 1);
  return starts;
}

/**
 * The sentence of `body` that holds the most query words, cut to about SNIPPET_MAX_CHARS around its
 * first match. `folded` is the body folded (same length: tokenize.ts fold keeps offsets for the
 * text bodies hold). Null when no sentence has a match.
 */
export function makeSnippet(body: string, folded: string, probes: WordProbes, sentenceStarts: readonly number[] = findSentenceStarts(body)): string | null {
  if (probes.length === 0) return null;
  const hits = hitsIn(folded, probes);
  if (hits.length === 0) return null;
  const starts = sentenceStarts;
  let best: { start: number; end: number; found: number; first: number } | null = null;
  let s = 0;
  let current: { start: number; end: number; groups: Set<number>; first: number } | null = null;
  const close = () => {
    if (current && (!best || current.groups.size > best.found))
      best = { start: current.start, end: current.end, found: current.groups.size, first: current.first };
  };
  for (const hit of hits) {
    while (starts[s + 1]! <= hit.start) s++;
    if (!current || current.start !== starts[s]) {
      close();
      current = { start: starts[s]!, end: starts[s + 1]! - 1, groups: new Set(), first: hit.start };
    }
    current.groups.add(hit.group);
  }
  close();
  const chosen = best as { start: number; end: number; found: number; first: number } | null;
  if (!chosen) return null;
  const sentence = body.slice(chosen.start, Math.min(body.length, chosen.end + 1)).trim();
  const offset = body.slice(chosen.start).length - body.slice(chosen.start).trimStart().length;
  return cutAround(sentence, chosen.first - chosen.start - offset);
}

function cutAround(sentence: string, at: number): string {
  if (sentence.length <= SNIPPET_MAX_CHARS) return sentence;
  let start = Math.max(0, at - CONTEXT_BEFORE);
  if (start > 0) {
    const space = sentence.indexOf(" ", start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  let end = Math.min(sentence.length, start + SNIPPET_MAX_CHARS);
  if (end < sentence.length) {
    const space = sentence.lastIndexOf(" ", end);
    end = space > at ? space : end;
  }
  return `${start > 0 ? "…" : ""}${sentence.slice(start, end).trim()}${end < sentence.length ? "…" : ""}`;
}
