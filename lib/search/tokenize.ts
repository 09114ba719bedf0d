// One tokenizer for indexing and for queries, in the browser and on the server.

const STOPWORDS = new Set(
  "a an and are as at be by can do does for from how i in is it its me my of on or our the to vs versus what when where which why with you your".split(
    " ",
  ),
);

/** Lowercases, strips accents and light plural endings: "Emails" → "email", "policies" → "policy". */
export function normalizeWord(word: string): string {
  const plain = word.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  if (plain.length > 4 && plain.endsWith("ies")) return `${plain.slice(0, -3)}y`;
  if (plain.length > 3 && plain.endsWith("s") && !/(ss|us|is|os)$/.test(plain)) return plain.slice(0, -1);
  return plain;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Index and query terms: normalized words without stopwords. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    const term = normalizeWord(word);
    if (!STOPWORDS.has(term)) terms.push(term);
  }
  return terms;
}
