// Snippets and phrases, from an article's stored text. Both tokenize only text that can contain a
// match (a cheap substring test first), so they cost little even on long bodies.
import { fold, tokens } from "./tokenize";

export const SNIPPET_MAX_CHARS = 180;
const CONTEXT_BEFORE = 50;
const SENTENCE_END = /(?<=[.!?])\s+(?=["“(]?[\p{Lu}\p{N}])/u;

/** What can be looked for as a substring of folded text to find a key's words: "policy" → "polic". */
function probeOf(key: string): string {
  return key.endsWith("y") && key.length > 3 ? key.slice(0, -1) : key;
}

function mightContain(folded: string, probes: readonly string[]): boolean {
  return probes.some((probe) => folded.includes(probe));
}

const tokenKeys = (token: { key: string; parts: string[] }) => (token.parts.length > 0 ? [token.key, ...token.parts] : [token.key]);

/**
 * The sentence of `body` that holds the most of `groups` (each group: the keys one query word
 * stands for), cut to about SNIPPET_MAX_CHARS around its first match. Null when no sentence has one.
 */
export function makeSnippet(body: string, groups: readonly ReadonlySet<string>[]): string | null {
  const probes = groups.flatMap((keys) => [...keys].map(probeOf));
  if (probes.length === 0) return null;
  let best: { sentence: string; found: number; first: number } | null = null;
  for (const line of body.split("\n")) {
    if (!mightContain(fold(line), probes)) continue;
    for (const sentence of line.split(SENTENCE_END)) {
      if (!mightContain(fold(sentence), probes)) continue;
      const found = new Set<number>();
      let first = -1;
      for (const token of tokens(sentence)) {
        const keys = tokenKeys(token);
        groups.forEach((group, g) => {
          if (keys.some((key) => group.has(key))) {
            found.add(g);
            if (first < 0) first = token.start;
          }
        });
      }
      if (found.size > 0 && (!best || found.size > best.found)) best = { sentence, found: found.size, first };
      if (best?.found === groups.length) break;
    }
    if (best?.found === groups.length) break;
  }
  return best ? cutAround(best.sentence, best.first) : null;
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

export interface Closeness {
  /** The longest run of query words side by side and in order ("port 587" written "Port: 587"). */
  phrase: number;
  /** The most query words found in one sentence. */
  together: number;
}

/** How close the query words come to each other in `text`. */
export function closeness(text: string, groups: readonly ReadonlySet<string>[]): Closeness {
  const none = { phrase: 0, together: 0 };
  if (groups.length < 2) return none;
  const probes = groups.map((keys) => [...keys].map(probeOf));
  const present = probes.map((p) => mightContain(fold(text), p));
  if (present.filter(Boolean).length < 2) return none;
  let phrase = 0;
  let together = 0;
  for (const line of text.split("\n")) {
    const folded = fold(line);
    if (probes.filter((p, g) => present[g] && mightContain(folded, p)).length < 2) continue;
    for (const sentence of line.split(SENTENCE_END)) {
      // run[g]: the length of the run ending at the previous token with query word g.
      let previous = new Uint8Array(groups.length);
      let current = new Uint8Array(groups.length);
      const seen = new Set<number>();
      for (const token of tokens(sentence)) {
        const keys = tokenKeys(token);
        current.fill(0);
        groups.forEach((group, g) => {
          if (!present[g] || !keys.some((key) => group.has(key))) return;
          seen.add(g);
          current[g] = (g > 0 ? previous[g - 1]! : 0) + 1;
          if (current[g]! > phrase) phrase = current[g]!;
        });
        [previous, current] = [current, previous];
      }
      if (seen.size > together) together = seen.size;
    }
    if (phrase === groups.length) break;
  }
  return { phrase, together };
}
