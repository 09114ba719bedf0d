// The search index: a small inverted index (term → documents, with field weights) that the
// browser downloads and the server keeps in memory. fuse.js works on its vocabulary only.
import { tokenize } from "./tokenize";

export interface SearchDocumentInput {
  slug: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  headings: string[];
}

export interface SearchDoc {
  slug: string;
  title: string;
  description: string;
  category: string;
}

export interface SearchIndexData {
  version: 1;
  docs: SearchDoc[];
  /** Sorted vocabulary. */
  terms: string[];
  /** postings[i] lists [docIndex, weight, docIndex, weight, …] for terms[i]. */
  postings: number[][];
}

/** How much a word counts by where it appears: a title word is worth more than a heading word. */
export const FIELD_WEIGHTS = { title: 10, tags: 6, headings: 4, category: 3, description: 2 } as const;

export function buildSearchIndex(inputs: readonly SearchDocumentInput[]): SearchIndexData {
  // term → doc → [best field weight, number of fields the term appears in]
  const byTerm = new Map<string, Map<number, [number, number]>>();
  inputs.forEach((input, docIndex) => {
    const fields: [string, number][] = [
      [input.title, FIELD_WEIGHTS.title],
      [input.tags.join(" "), FIELD_WEIGHTS.tags],
      [input.headings.join(" "), FIELD_WEIGHTS.headings],
      [input.category, FIELD_WEIGHTS.category],
      [input.description, FIELD_WEIGHTS.description],
    ];
    for (const [text, weight] of fields) {
      for (const term of new Set(tokenize(text))) {
        let docs = byTerm.get(term);
        if (!docs) byTerm.set(term, (docs = new Map()));
        const seen = docs.get(docIndex);
        docs.set(docIndex, seen ? [Math.max(seen[0], weight), seen[1] + 1] : [weight, 1]);
      }
    }
  });

  const terms = [...byTerm.keys()].sort();
  return {
    version: 1,
    docs: inputs.map(({ slug, title, description, category }) => ({ slug, title, description, category })),
    terms,
    // A term counts by its best field, plus a little for each further field it appears in:
    // repeating a word inside one field earns nothing.
    postings: terms.map((term) => [...byTerm.get(term)!].flatMap(([doc, [best, fields]]) => [doc, best + (fields - 1) * 0.5])),
  };
}
