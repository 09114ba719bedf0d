// The search index: a compact inverted index (term → documents, with field weights) that the
// browser downloads and the server keeps in memory. fuse.js works on its vocabulary only.
//
// Format (version 2), designed to stay small as the library grows:
//   docs:        [slug, title, description, categoryIndex][]
//   categories:  category names, referenced by index
//   terms:       sorted vocabulary
//   postings[i]: documents containing terms[i], delta-encoded: [gap, weight×2, gap, weight×2, …]
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
  version: 2;
  docs: [slug: string, title: string, description: string, category: number][];
  categories: string[];
  terms: string[];
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

  const categories = [...new Set(inputs.map((input) => input.category))];
  const categoryIndex = new Map(categories.map((name, i) => [name, i]));
  const terms = [...byTerm.keys()].sort();
  return {
    version: 2,
    docs: inputs.map((input) => [input.slug, input.title, input.description, categoryIndex.get(input.category)!]),
    categories,
    terms,
    postings: terms.map((term) => {
      // A term counts by its best field, plus a little for each further field it appears in:
      // repeating a word inside one field earns nothing. Documents arrive in index order.
      const list: number[] = [];
      let previous = 0;
      for (const [doc, [best, fields]] of byTerm.get(term)!) {
        list.push(doc - previous, best * 2 + (fields - 1));
        previous = doc;
      }
      return list;
    }),
  };
}
