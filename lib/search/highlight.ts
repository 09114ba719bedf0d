// Splits text into parts so the words that matched a search can be marked, on the server and
// in the browser alike.
import { normalizeWord } from "./tokenize";

export interface TextPart {
  text: string;
  match: boolean;
}

const WORD_OR_OTHER = /([\p{L}\p{N}]+)|([^\p{L}\p{N}]+)/gu;

export function highlightParts(text: string, matchedTerms: readonly string[]): TextPart[] {
  const terms = new Set(matchedTerms);
  const parts: TextPart[] = [];
  for (const [piece, word] of text.matchAll(WORD_OR_OTHER)) {
    const match = word !== undefined && terms.has(normalizeWord(word));
    const last = parts.at(-1);
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match });
  }
  return parts;
}
