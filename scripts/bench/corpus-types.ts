// The shape of the synthetic benchmark corpus (scripts/bench/corpus.ts generates it). Fixed here
// so the search, import/build and page benchmarks all read the same thing.

export interface CorpusArticle {
  slug: string;
  /** One of the category slugs in CORPUS_CATEGORIES. */
  category: string;
  title: string;
  description: string;
  tags: string[];
  /** The article's h2/h3 headings, in order. */
  headings: string[];
  /** A plausible MDX body using the headings (## / ###), paragraphs, lists and sometimes a table. */
  body: string;
}

export interface LabelledQuery {
  /** What a customer typed: may be misspelled, reordered, partial or multi-word. */
  query: string;
  /** The slug of the one article that answers it. */
  answer: string;
  /** How the query was made: "title", "typo", "reordered", "prefix", "keywords" (generated), "body", "natural" (planted). */
  kind: string;
  /** Ranking is tuned on "tuning" queries only; "held-out" ones are reported, never tuned on. */
  set: "tuning" | "held-out";
}

export interface Corpus {
  articles: CorpusArticle[];
  queries: LabelledQuery[];
}
