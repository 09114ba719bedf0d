// Typo correction against the index vocabulary, with a floor: a correction must be close enough to
// be believable. A letter-pair index over the vocabulary picks a few dozen look-alikes, and the edit
// distance (insertions, deletions, substitutions and swapped neighbours) decides:
//   - words under 4 letters are never corrected ("dsn" could be anything);
//   - 4 to 7 letters allow one edit, 8 or more allow two, counted against the term or the term
//     with an ending the stemmer takes off ("refusdd" is one edit from "refus" + "ed");
//   - the similarity, 1 − edits ÷ the longer length, must reach SIMILARITY_FLOOR;
//   - the first letter must stay (or swap with the second): people rarely mistype it, and a
//     different first letter is what turns nonsense into matches ("flux" → "flush" still passes
//     these, which is why the engine also looks at the query as a whole).

export const SIMILARITY_FLOOR = 0.75;
const MIN_LENGTH = 4;
const MAX_CANDIDATES = 60;
const MIN_DICE = 0.3;
/**
 * Endings the stemmer takes off (stem.ts). Index keys are stems ("refus"), so a typo in an
 * inflected word ("refusdd") is also judged against the stem with each ending ("refused").
 */
const ENDINGS = ["", "e", "s", "es", "ed", "er", "ing"];
const LONGEST_ENDING = 3;

export interface Correction {
  term: number;
  distance: number;
  similarity: number;
}

/** Edits allowed for a word of this length. */
function allowedEdits(length: number): number {
  return length < MIN_LENGTH ? 0 : length < 8 ? 1 : 2;
}

/** Optimal string alignment distance, giving up (returning max + 1) past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** Whether `term` is a believable correction of `word`, and how close it is. */
export function judgeCorrection(word: string, term: string): { distance: number; similarity: number } | null {
  const max = allowedEdits(word.length);
  if (max === 0 || term.length < MIN_LENGTH - 1) return null;
  const sameStart = word[0] === term[0] || (word[0] === term[1] && word[1] === term[0]);
  if (!sameStart) return null;
  const distance = editDistance(word, term, max);
  if (distance === 0 || distance > max) return null;
  const similarity = 1 - distance / Math.max(word.length, term.length);
  return similarity >= SIMILARITY_FLOOR ? { distance, similarity } : null;
}

/** Letter pairs of a word, with its start and end marked: "pop" → ^p, po, op, p$. */
function bigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) grams.push(padded.slice(i, i + 2));
  return grams;
}

export class TypoCorrector {
  readonly #terms: readonly string[];
  readonly #bigrams = new Map<string, number[]>();
  readonly #counts: Uint16Array;
  readonly #endings: readonly string[];

  /**
   * `terms`: the vocabulary; only words of letters are candidates (an empty string at a position
   * keeps a term out). `endings`: what the stemmer of their language takes off (English's by default).
   */
  constructor(terms: readonly string[], endings: readonly string[] = ENDINGS) {
    this.#terms = terms;
    this.#endings = endings;
    terms.forEach((term, id) => {
      if (term.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(term)) return;
      for (const gram of new Set(bigramsOf(term))) {
        let list = this.#bigrams.get(gram);
        if (!list) this.#bigrams.set(gram, (list = []));
        list.push(id);
      }
    });
    this.#counts = new Uint16Array(terms.length);
  }

  /** Believable corrections of a word, closest first (ties: `rank`, higher first). */
  correct(word: string, limit: number, rank: (term: number) => number): Correction[] {
    const max = allowedEdits(word.length);
    if (max === 0) return [];
    const counts = this.#counts;
    const grams = bigramsOf(word);
    const touched: number[] = [];
    for (const gram of grams) {
      for (const term of this.#bigrams.get(gram) ?? []) {
        if (counts[term] === 0) touched.push(term);
        counts[term]! += 1;
      }
    }
    const likely: { term: number; dice: number }[] = [];
    for (const term of touched) {
      const text = this.#terms[term]!;
      const dice = (2 * counts[term]!) / (grams.length + text.length + 1);
      counts[term] = 0;
      if (dice >= MIN_DICE && text.length - word.length <= max && word.length - text.length <= max + LONGEST_ENDING) likely.push({ term, dice });
    }
    likely.sort((a, b) => b.dice - a.dice);
    const found: Correction[] = [];
    for (const { term } of likely.slice(0, MAX_CANDIDATES)) {
      let judged: ReturnType<typeof judgeCorrection> = null;
      for (const ending of this.#endings) {
        const form = judgeCorrection(word, this.#terms[term]! + ending);
        if (form && (!judged || form.distance < judged.distance)) judged = form;
      }
      if (judged) found.push({ term, ...judged });
    }
    found.sort((a, b) => a.distance - b.distance || rank(b.term) - rank(a.term));
    return found.slice(0, limit);
  }
}
