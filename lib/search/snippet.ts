// Snippets and closeness, from an article's stored text. Both find the query's words with one
// regular expression per query word over the folded text (a word starting with one of its keys),
// never by tokenizing whole bodies, so they cost little even on long articles.
import { fold, STOPWORDS } from "./tokenize";

export const SNIPPET_MAX_CHARS = 180;
const CONTEXT_BEFORE = 50;

/** What a key's words start with in folded text: "policy" → "polic" (policies), "cach" (cache). */
function probeOf(key: string): string {
  return key.endsWith("y") && key.length > 3 ? key.slice(0, -1) : key;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One pattern per query word: any of its keys at the start of a word. */
export function wordPatterns(groups: readonly ReadonlySet<string>[]): RegExp[] {
  return groups.map((keys) => {
    const probes = [...keys].map(probeOf).filter(Boolean).sort((a, b) => b.length - a.length).map(escape);
    // Folded text is lowercase; no Unicode property classes, which are slow to compile per query.
    return new RegExp(probes.length ? `(?<![a-z0-9\\u00c0-\\u024f])(?:${probes.join("|")})[a-z0-9\\u00c0-\\u024f]*` : "(?!)", "g");
  });
}

interface Hit {
  start: number;
  end: number;
  group: number;
}

function hitsIn(folded: string, patterns: readonly RegExp[]): Hit[] {
  const hits: Hit[] = [];
  patterns.forEach((pattern, group) => {
    pattern.lastIndex = 0;
    for (const match of folded.matchAll(pattern)) hits.push({ start: match.index, end: match.index + match[0].length, group });
  });
  return hits.sort((a, b) => a.start - b.start || a.group - b.group);
}

const SENTENCE_BREAK = /[.!?](?:\s|$)|\n/;
const WORD = /[a-z0-9\u00c0-\u024f]+/g;

/** Only stopwords and punctuation between two hits: they stand side by side. */
function adjacent(between: string): boolean {
  if (SENTENCE_BREAK.test(between)) return false;
  for (const [word] of between.matchAll(WORD)) if (!STOPWORDS.has(word)) return false;
  return true;
}

export interface Closeness {
  /** The longest run of query words side by side and in order ("port 587" written "Port: 587"). */
  phrase: number;
  /** The most query words found in one sentence. */
  together: number;
}

/** How close the query words come to each other in `folded` (text already folded, tokenize.ts fold). */
export function closeness(folded: string, patterns: readonly RegExp[]): Closeness {
  if (patterns.length < 2) return { phrase: 0, together: 0 };
  const hits = hitsIn(folded, patterns);
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
      if (before.group === hit.group - 1 && before.end <= hit.start && adjacent(folded.slice(before.end, hit.start))) runs[i] = Math.max(runs[i]!, runs[j]! + 1);
    }
    phrase = Math.max(phrase, runs[i]!);
  }
  return { phrase, together };
}

const SENTENCE_SPLIT = /[.!?]\s+(?=["“(]?[A-Z0-9])|\n/g;

/**
 * The sentence of `body` that holds the most query words, cut to about SNIPPET_MAX_CHARS around its
 * first match. `folded` is the body folded (same length: tokenize.ts fold keeps offsets for the
 * text bodies hold). Null when no sentence has a match.
 */
export function makeSnippet(body: string, folded: string, patterns: readonly RegExp[]): string | null {
  if (patterns.length === 0) return null;
  const hits = hitsIn(folded, patterns);
  if (hits.length === 0) return null;
  // Sentence starts, found once over the whole body.
  const starts = [0];
  for (const match of body.matchAll(SENTENCE_SPLIT)) starts.push(match.index + match[0].length);
  starts.push(body.length + 1);
  let best: { start: number; end: number; found: number; first: number } | null = null;
  let s = 0;
  let current: { start: number; end: number; groups: Set<number>; first: number } | null = null;
  const close = () => {
    if (current && (!best || current.groups.size > best.found)) best = { start: current.start, end: current.end, found: current.groups.size, first: current.first };
  };
  for (const hit of hits.sort((a, b) => a.start - b.start)) {
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
