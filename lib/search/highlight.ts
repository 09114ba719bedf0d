// Splits text into parts so the words that matched a search can be marked, on the server and
// in the browser alike. Words are compared by their index keys (tokenize.ts), so "Passwords"
// is marked for "password", "log in" for login and "wp-config.php" as a whole.
import { analyzerFor } from "./analyzers";

export interface TextPart {
  text: string;
  match: boolean;
}

/** `language`: the language the text is in, whose keys `matchedTerms` are (English when not given). */
export function highlightParts(text: string, matchedTerms: readonly string[], language?: string): TextPart[] {
  const terms = new Set(matchedTerms);
  const parts: TextPart[] = [];
  const push = (piece: string, match: boolean) => {
    if (!piece) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match });
  };
  let at = 0;
  if (terms.size > 0) {
    for (const token of analyzerFor(language).tokens(text)) {
      if (!terms.has(token.key) && !token.parts.some((part) => terms.has(part))) continue;
      push(text.slice(at, token.start), false);
      push(text.slice(token.start, token.end), true);
      at = token.end;
    }
  }
  push(text.slice(at), false);
  return parts;
}
