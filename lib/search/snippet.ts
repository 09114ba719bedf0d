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

// Scratch space for the hits of one text, reused by every call (closeness and makeSnippet run to
// the end before anything else can): a phrase check over dozens of articles per keystroke
// allocates nothing per hit. Grown when a text has more hits.
let hitStarts = new Int32Array(256);
let hitEnds = new Int32Array(256);
let hitGroups = new Int32Array(256);
let hitRuns = new Int32Array(256);
let hitOrder = new Float64Array(256);

function growHits(size: number) {
  if (size <= hitStarts.length) return;
  const length = Math.max(size, hitStarts.length * 2);
  const grown = (old: Int32Array) => {
    const array = new Int32Array(length);
    array.set(old);
    return array;
  };
  [hitStarts, hitEnds, hitGroups, hitRuns] = [grown(hitStarts), grown(hitEnds), grown(hitGroups), grown(hitRuns)];
  const order = new Float64Array(length);
  order.set(hitOrder);
  hitOrder = order;
}

/**
 * A hit as one number that sorts by start, then query word, then end: start × 2^26 + query word ×
 * 2^16 + the word's length (query words are at most 12, query-plan.ts MAX_UNITS; words far shorter
 * than 65,536 characters).
 */
const GROUP_UNIT = 2 ** 16;
const START_UNIT = 2 ** 26;

/**
 * Every word of `folded` that starts with one of a query word's probes (found with indexOf, not
 * regular expressions), by start then query word, into the scratch arrays; returns how many. A word
 * found by several probes of one query word counts once, with the longest probe's end.
 */
function findHits(folded: string, probes: WordProbes): number {
  let count = 0;
  for (let group = 0; group < probes.length; group++) {
    for (const probe of probes[group]!) {
      for (let at = folded.indexOf(probe); at >= 0; at = folded.indexOf(probe, at + 1)) {
        if (at > 0 && isWordChar(folded.charCodeAt(at - 1))) continue;
        let end = at + probe.length;
        while (end < folded.length && isWordChar(folded.charCodeAt(end))) end++;
        growHits(count + 1);
        hitOrder[count++] = at * START_UNIT + group * GROUP_UNIT + Math.min(end - at, GROUP_UNIT - 1);
      }
    }
  }
  const order = hitOrder.subarray(0, count).sort();
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const key = order[i]!;
    // Same start and query word as the next one: that one reaches further (a longer probe).
    if (i + 1 < count && Math.floor(order[i + 1]! / GROUP_UNIT) === Math.floor(key / GROUP_UNIT)) continue;
    const start = Math.floor(key / START_UNIT);
    hitStarts[kept] = start;
    hitGroups[kept] = Math.floor((key % START_UNIT) / GROUP_UNIT);
    hitEnds[kept] = start + (key % GROUP_UNIT);
    kept++;
  }
  return kept;
}

/** The hits of `folded` as objects, in order (findHits). */
function hitsIn(folded: string, probes: WordProbes): Hit[] {
  const count = findHits(folded, probes);
  const hits: Hit[] = [];
  for (let i = 0; i < count; i++) hits.push({ start: hitStarts[i]!, end: hitEnds[i]!, group: hitGroups[i]! });
  return hits;
}

/** Where words stop being side by side: the end of a sentence or a line. */
export const SENTENCE_BREAK = /[.!?](?:\s|$)|\n/;

/** What `\s` matches in a regular expression. */
const isSpace = (code: number) =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;

/** SENTENCE_BREAK.test(text.slice(from, to)), without the slice. */
function breaksBetween(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 10) return true;
    if ((code === 46 || code === 33 || code === 63) && (at + 1 === to || isSpace(text.charCodeAt(at + 1)))) return true;
  }
  return false;
}

/** Only stopwords and punctuation between two hits (`text` from `from` to `to`): they stand side by side. */
function adjacent(text: string, from: number, to: number, stopwords: ReadonlySet<string>): boolean {
  if (breaksBetween(text, from, to)) return false;
  let word = -1;
  for (let at = from; at <= to; at++) {
    if (at < to && isWordChar(text.charCodeAt(at))) {
      if (word < 0) word = at;
    } else if (word >= 0) {
      if (!stopwords.has(text.slice(word, at))) return false;
      word = -1;
    }
  }
  return true;
}

export interface Closeness {
  /** The longest run of query words side by side and in order ("port 587" written "Port: 587"). */
  phrase: number;
  /** The most query words found in one sentence. */
  together: number;
}

let sentenceOf = new Int32Array(16);

/**
 * How close the query words come to each other in `folded` (text already folded, tokenize.ts fold);
 * `stopwords` may stand between words side by side (the index language's).
 */
export function closeness(folded: string, probes: WordProbes, stopwords: ReadonlySet<string> = STOPWORDS): Closeness {
  if (probes.length < 2) return { phrase: 0, together: 0 };
  const count = findHits(folded, probes);
  let phrase = count > 0 ? 1 : 0;
  let together = count > 0 ? 1 : 0;
  // run: the longest in-order run ending at each hit; sentence: the query words seen since the last
  // break (a query word is in the current sentence when its last sentence number is this one's).
  if (sentenceOf.length < probes.length) sentenceOf = new Int32Array(probes.length * 2);
  sentenceOf.fill(-1, 0, probes.length);
  let sentence = 0;
  let inSentence = 0;
  for (let i = 0; i < count; i++) {
    const start = hitStarts[i]!;
    const group = hitGroups[i]!;
    if (i > 0 && breaksBetween(folded, hitEnds[i - 1]!, start)) {
      sentence++;
      inSentence = 0;
    }
    if (sentenceOf[group] !== sentence) {
      sentenceOf[group] = sentence;
      inSentence++;
    }
    if (inSentence > together) together = inSentence;
    let run = 1;
    if (i > 0) {
      const previousStart = hitStarts[i - 1]!;
      for (let j = i - 1; j >= 0 && hitStarts[j] === previousStart; j--) {
        if (hitGroups[j] === group - 1 && hitEnds[j]! <= start && hitRuns[j]! + 1 > run && adjacent(folded, hitEnds[j]!, start, stopwords))
          run = hitRuns[j]! + 1;
      }
    }
    hitRuns[i] = run;
    if (run > phrase) phrase = run;
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
