// Search benchmark in Node: our engine (lib/search) against plain fuse.js, MiniSearch and
// FlexSearch on the synthetic corpus (scripts/bench/corpus.ts) and its 200 labelled queries.
//
//   npx tsx --expose-gc scripts/bench/search-node.ts [--sizes 100,1000,10000,50000] [--seed 42] [--json out.json]
//     [--engines "ours,MiniSearch,FlexSearch,fuse.js (plain)"] [--fuse-queries 40] [--fuse-budget 240]
//
// Plain fuse.js scans every document for every query: from 10,000 articles on it runs only the
// first 40 queries, and stops sooner once they have taken 240 s (at 50,000 a query takes ~50 s).
//
// Per engine and size: build time, serialized index size (raw and gzip), heap growth, query
// latency p50/p95/p99 and recall@1/@5. Every engine gets the same documents and its documented
// options; none is tuned for the query set. Without --expose-gc the heap numbers are noisier.
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { Document as FlexDocument } from "flexsearch";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { bodyText } from "../../lib/search/documents";
import { SearchEngine } from "../../lib/search/engine";
import { buildSearchIndex, type SearchDocumentInput } from "../../lib/search/index-data";
import { stem } from "../../lib/search/stem";
import { STOPWORDS } from "../../lib/search/tokenize";
import { CORPUS_CATEGORIES, generateCorpus } from "./corpus";
import type { LabelledQuery } from "./corpus-types";

const DEFAULT_SIZES = [100, 1_000, 10_000, 50_000];
const BASELINE_ENGINE = "fuse.js (plain)";
/** Plain fuse.js takes seconds per query on big corpora: from this size on it runs a subset. */
const FUSE_SUBSET_FROM_SIZE = 10_000;
const FUSE_SUBSET_QUERIES = 40;
/** …and stops early once its timed queries have taken this long (it needs ~50 s a query at 50,000). */
const FUSE_SUBSET_BUDGET_SECONDS = 240;
const FUSE_SUBSET_MIN_QUERIES = 3;
const FUSE_SUBSET_WARMUP = 1;
const WARMUP_QUERIES = 20;
const LIMIT = 10;

export interface SearchBenchOptions {
  sizes: number[];
  seed?: number;
  /** Engine names to run (default: all four). Without the baseline, "p95 vs fuse.js" is n/a. */
  engines?: string[];
  /** How many queries plain fuse.js runs from 10,000 articles on (default 40)… */
  fuseSubsetQueries?: number;
  /** …stopping early (after at least 3) once they have taken this many seconds (default 240). */
  fuseBudgetSeconds?: number;
  /** Where progress and the tables go; defaults to console.log. Pass () => {} for silence. */
  log?: (line: string) => void;
}

export interface SearchBenchRow {
  size: number;
  engine: string;
  /** How many of the labelled queries were timed and scored. */
  queriesTimed: number;
  queriesTotal: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** On the held-out queries (never tuned on). */
  recallAt1: number;
  recallAt5: number;
  /** On the tuning queries (what ranking was tuned on). */
  tuningRecallAt1: number;
  tuningRecallAt5: number;
  /** Held-out recall@1 by query kind (title, typo, reordered, prefix, keywords, body, natural), over the timed queries. */
  recallAt1ByKind: Record<string, number>;
  /** Serialized index (JSON), or null where the engine cannot export. */
  indexRawBytes: number | null;
  indexGzipBytes: number | null;
  buildMs: number;
  /** Heap growth across the build, with the built index still referenced. */
  heapMB: number;
  /** The warm-up pass (first queries; includes lazy setup such as our fuzzy vocabulary matcher). */
  warmupMs: number;
  /** Baseline p95 ÷ this engine's p95: how many times faster than plain fuse.js at the 95th percentile. */
  p95VsBaseline: number | null;
  notes: string[];
}

interface BenchDoc {
  id: number;
  slug: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  headings: string[];
  /** Plain text (lib/search/documents.ts), the same for every engine. */
  body: string;
}

interface BuiltEngine {
  /** Slugs of the top results, best first. */
  search(query: string): string[];
  /** The JSON a browser would download to search and show results, or null if not exportable. */
  serialize(): string | null;
}

interface EngineAdapter {
  name: string;
  build(docs: readonly BenchDoc[]): BuiltEngine;
  notes?: string[];
}

const FUSE_KEYS = ["title", "headings", "description", "tags", "body"];

/** What every engine needs to show a result (ours keeps exactly this in its index). */
function displayDocs(docs: readonly BenchDoc[]) {
  return docs.map(({ slug, title, description, category }) => ({ slug, title, description, category }));
}

const ENGINES: readonly EngineAdapter[] = [
  {
    name: BASELINE_ENGINE,
    build(docs) {
      const fuse = new Fuse(docs, { keys: FUSE_KEYS, includeScore: true });
      return {
        search: (query) => fuse.search(query, { limit: LIMIT }).map((r) => r.item.slug),
        serialize: () => JSON.stringify({ docs, index: Fuse.createIndex(FUSE_KEYS, docs).toJSON() }),
      };
    },
  },
  {
    name: "ours",
    build(docs) {
      const inputs: SearchDocumentInput[] = docs.map(({ slug, title, description, category, tags, headings, body }) => ({
        slug,
        title,
        description,
        category,
        tags,
        headings,
        body,
      }));
      const data = buildSearchIndex(inputs);
      const engine = new SearchEngine(data);
      return {
        search: (query) => engine.search(query, LIMIT).map((r) => r.slug),
        serialize: () => JSON.stringify(data),
      };
    },
  },
  {
    name: "MiniSearch",
    notes: [
      "MiniSearch: as its documentation recommends: field boosts (title 4, headings 3, tags 2.5, description 1.5, body 1), prefix on the last term only, fuzzy 0.2, and the same stemmer and stopwords as ours (processTerm)",
    ],
    build(docs) {
      const ms = new MiniSearch({
        fields: ["title", "headings", "tags", "description", "body"],
        storeFields: ["slug", "title", "description", "category"],
        processTerm: (term) => {
          const lower = term.toLowerCase();
          return STOPWORDS.has(lower) ? null : stem(lower);
        },
        searchOptions: {
          boost: { title: 4, headings: 3, tags: 2.5, description: 1.5, body: 1 },
          prefix: (_term, i, terms) => i === terms.length - 1,
          fuzzy: 0.2,
          combineWith: "OR",
        },
      });
      ms.addAll(docs.map((d) => ({ ...d, headings: d.headings.join(" "), tags: d.tags.join(" ") })));
      return {
        search: (query) =>
          ms
            .search(query)
            .slice(0, LIMIT)
            .map((r) => r.slug as string),
        serialize: () => JSON.stringify(ms),
      };
    },
  },
  {
    name: "FlexSearch",
    notes: [
      'FlexSearch: Document index, tokenize "forward" on title, headings, tags and description and "strict" on the body (forward on bodies multiplies the index), contextual index (depth 1, bidirectional), LatinBalance encoder, fields merged with its own merge option (field order); size = export() parts + display docs',
    ],
    build(docs) {
      const context = { depth: 1, bidirectional: true, resolution: 9 };
      const index = new FlexDocument({
        document: {
          id: "id",
          index: [
            { field: "title", tokenize: "forward", context, encoder: "LatinBalance" },
            { field: "headings", tokenize: "forward", context, encoder: "LatinBalance" },
            { field: "tags", tokenize: "forward", encoder: "LatinBalance" },
            { field: "description", tokenize: "forward", context, encoder: "LatinBalance" },
            { field: "body", tokenize: "strict", context, encoder: "LatinBalance" },
          ],
        },
      });
      for (const d of docs) {
        index.add({ id: d.id, title: d.title, headings: d.headings.join(" "), description: d.description, tags: d.tags.join(" "), body: d.body });
      }
      return {
        search: (query) =>
          index
            .search(query, { limit: LIMIT, merge: true, suggest: true })
            .slice(0, LIMIT)
            .map((r) => docs[r.id as number]!.slug),
        serialize: () => {
          const parts: Record<string, string> = {};
          index.export((key: string, data: string) => {
            parts[key] = data;
          });
          if (Object.keys(parts).length === 0) return null;
          return JSON.stringify({ index: parts, docs: displayDocs(docs) });
        },
      };
    },
  },
];

function collectGarbage() {
  if (typeof globalThis.gc === "function") {
    globalThis.gc();
    globalThis.gc();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function benchEngine(
  adapter: EngineAdapter,
  docs: readonly BenchDoc[],
  queries: readonly LabelledQuery[],
  size: number,
  fuse: { queries: number; budgetSeconds: number },
): SearchBenchRow {
  const notes = [...(adapter.notes ?? [])];
  const subset = adapter.name === BASELINE_ENGINE && size >= FUSE_SUBSET_FROM_SIZE;
  const planned = subset ? queries.slice(0, fuse.queries) : queries;
  const budgetMs = subset ? fuse.budgetSeconds * 1000 : Infinity;
  // Warm up on queries outside the timed ones (the last ones), so no timed query runs twice.
  const warmup = queries.slice(-(subset ? FUSE_SUBSET_WARMUP : WARMUP_QUERIES));

  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  let engine: BuiltEngine | null = adapter.build(docs);
  const buildMs = performance.now() - started;
  collectGarbage();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  const warmStarted = performance.now();
  for (const q of warmup) engine.search(q.query);
  const warmupMs = performance.now() - warmStarted;

  const latencies: number[] = [];
  const hits = { tuning: [0, 0, 0], "held-out": [0, 0, 0] } as Record<LabelledQuery["set"], [hits1: number, hits5: number, total: number]>;
  let spentMs = 0;
  const byKind = new Map<string, [hits: number, total: number]>();
  const timed: LabelledQuery[] = [];
  for (const q of planned) {
    if (spentMs > budgetMs && timed.length >= FUSE_SUBSET_MIN_QUERIES) break;
    timed.push(q);
    const t0 = performance.now();
    const results = engine.search(q.query);
    const elapsed = performance.now() - t0;
    latencies.push(elapsed);
    spentMs += elapsed;
    const rank = results.indexOf(q.answer);
    const set = hits[q.set];
    if (rank === 0) set[0]++;
    if (rank >= 0 && rank < 5) set[1]++;
    set[2]++;
    if (q.set !== "held-out") continue;
    const kind = byKind.get(q.kind) ?? [0, 0];
    byKind.set(q.kind, [kind[0] + (rank === 0 ? 1 : 0), kind[1] + 1]);
  }
  const share = (part: number, whole: number) => (whole === 0 ? Number.NaN : part / whole);

  if (subset) {
    const why = timed.length < planned.length ? `the ${fuse.budgetSeconds} s budget ran out` : `capped at ${fuse.queries}`;
    const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
    notes.push(
      `${adapter.name} at ${size.toLocaleString("en")}: timed and scored on the first ${timed.length} of ${queries.length} queries ` +
        `(${why}; mean ${ms(mean)} a query), after ${warmup.length} warm-up ${warmup.length === 1 ? "query" : "queries"} instead of ${WARMUP_QUERIES}`,
    );
  }

  const json = engine.serialize();
  if (json === null) notes.push(`${adapter.name}: no usable export, index size n/a`);
  engine = null;

  latencies.sort((a, b) => a - b);
  return {
    size,
    engine: adapter.name,
    queriesTimed: timed.length,
    queriesTotal: queries.length,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    recallAt1: share(hits["held-out"][0], hits["held-out"][2]),
    recallAt5: share(hits["held-out"][1], hits["held-out"][2]),
    tuningRecallAt1: share(hits.tuning[0], hits.tuning[2]),
    tuningRecallAt5: share(hits.tuning[1], hits.tuning[2]),
    recallAt1ByKind: Object.fromEntries([...byKind].sort().map(([kind, [hits, total]]) => [kind, hits / total])),
    indexRawBytes: json === null ? null : Buffer.byteLength(json),
    indexGzipBytes: json === null ? null : gzipSync(json).length,
    buildMs,
    heapMB,
    warmupMs,
    p95VsBaseline: null,
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting

function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(3)} ms`;
}

function bytes(value: number | null): string {
  if (value === null) return "n/a";
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(2)} MiB`;
  return `${(value / 1024).toFixed(1)} KiB`;
}

function pct(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return `${(value * 100).toFixed(1)}%`;
}

function ratio(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  return value >= 10 ? `${Math.round(value)}×` : `${value.toFixed(1)}×`;
}

/** What the table needs: rows from this benchmark, or from a browser run of the same engines. */
export type SearchBenchTableRow = Pick<
  SearchBenchRow,
  "size" | "engine" | "p50Ms" | "p95Ms" | "p99Ms" | "recallAt1" | "recallAt5" | "indexRawBytes" | "indexGzipBytes" | "buildMs" | "p95VsBaseline"
> &
  Partial<Pick<SearchBenchRow, "tuningRecallAt1" | "tuningRecallAt5">> &
  Partial<Pick<SearchBenchRow, "queriesTimed" | "queriesTotal" | "recallAt1ByKind" | "notes">> & { heapMB?: number | null };

/**
 * Markdown tables, one per corpus size in the order of the rows, each directly under the one
 * heading that names its size (`**1,000 articles**`), whether the rows cover one size or several.
 * This is the only place that prints a size heading, so output pasted into docs/benchmarks.md
 * needs no headings of its own.
 */
export function formatSearchBenchTable(rows: readonly SearchBenchTableRow[]): string {
  const sizes = [...new Set(rows.map((r) => r.size))];
  return sizes.map((size) => `${sizeHeading(size)}\n\n${formatSizeTables(rows.filter((r) => r.size === size))}`).join("\n\n");
}

function sizeHeading(size: number): string {
  return `**${size.toLocaleString("en")} articles**`;
}

/** The tables of one corpus size, without a heading: the figures, recall@1 by kind, notes. */
function formatSizeTables(rows: readonly SearchBenchTableRow[]): string {
  const lines = [
    "| engine | p50 | p95 | p99 | held-out recall@1 | held-out recall@5 | tuning recall@1 | tuning recall@5 | index raw | index gzip | build ms | heap MB | p95 vs fuse.js |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of rows) {
    const partial = r.queriesTimed !== undefined && r.queriesTotal !== undefined && r.queriesTimed < r.queriesTotal;
    const name = partial ? `${r.engine} † (${r.queriesTimed} of ${r.queriesTotal} queries)` : r.engine;
    const heap = r.heapMB === undefined || r.heapMB === null || !Number.isFinite(r.heapMB) ? "n/a" : r.heapMB.toFixed(1);
    lines.push(
      `| ${name} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.p99Ms)} | ${pct(r.recallAt1)} | ${pct(r.recallAt5)} | ${pct(r.tuningRecallAt1 ?? Number.NaN)} | ${pct(r.tuningRecallAt5 ?? Number.NaN)} | ${bytes(r.indexRawBytes)} | ` +
        `${bytes(r.indexGzipBytes)} | ${r.buildMs.toFixed(0)} | ${heap} | ${ratio(r.p95VsBaseline)} |`,
    );
  }
  const kinds = [...new Set(rows.flatMap((r) => Object.keys(r.recallAt1ByKind ?? {})))].sort();
  if (kinds.length > 0) {
    lines.push("", `| held-out recall@1 by kind | ${kinds.join(" | ")} |`, `| --- | ${kinds.map(() => "---:").join(" | ")} |`);
    for (const r of rows) {
      lines.push(`| ${r.engine} | ${kinds.map((k) => (r.recallAt1ByKind?.[k] === undefined ? "n/a" : pct(r.recallAt1ByKind[k]))).join(" | ")} |`);
    }
  }
  const notes = [...new Set(rows.flatMap((r) => r.notes ?? []))];
  if (notes.length > 0) lines.push("", ...notes.map((n) => `- ${n}`));
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------

export function runNodeSearchBench(options: SearchBenchOptions): SearchBenchRow[] {
  const log = options.log ?? ((line: string) => console.log(line));
  const categoryNames = new Map(CORPUS_CATEGORIES.map((c) => [c.slug, c.name]));
  const rows: SearchBenchRow[] = [];
  const fuse = { queries: options.fuseSubsetQueries ?? FUSE_SUBSET_QUERIES, budgetSeconds: options.fuseBudgetSeconds ?? FUSE_SUBSET_BUDGET_SECONDS };
  const engines = options.engines ? ENGINES.filter((e) => options.engines!.includes(e.name)) : ENGINES;
  if (options.engines && engines.length !== options.engines.length) {
    throw new Error(`Unknown engine in ${options.engines.join(", ")}: choose from ${ENGINES.map((e) => e.name).join(", ")}`);
  }
  if (typeof globalThis.gc !== "function") log("(run with --expose-gc for steadier heap numbers)");

  for (const size of options.sizes) {
    const generated = performance.now();
    const corpus = generateCorpus(size, options.seed);
    const generateMs = performance.now() - generated;
    // Every engine gets the same fields, the body as plain text included.
    const docs: BenchDoc[] = corpus.articles.map((a, id) => ({
      id,
      slug: a.slug,
      title: a.title,
      description: a.description,
      category: categoryNames.get(a.category) ?? a.category,
      tags: a.tags,
      headings: a.headings,
      body: bodyText(a.body),
    }));
    // Interleaved so plain fuse.js, which times only the first few, sees both sets and every kind.
    const queries = interleave(corpus.queries);
    // Progress only: the table below carries the size heading (formatSearchBenchTable).
    log(`\n${size.toLocaleString("en")} articles: corpus generated in ${ms(generateMs)}, ${queries.length} queries`);

    const sizeRows: SearchBenchRow[] = [];
    for (const adapter of engines) {
      const started = performance.now();
      const row = benchEngine(adapter, docs, queries, size, fuse);
      sizeRows.push(row);
      log(`  ${adapter.name}: done in ${ms(performance.now() - started)}`);
    }
    const baseline = sizeRows.find((r) => r.engine === BASELINE_ENGINE);
    for (const row of sizeRows) row.p95VsBaseline = baseline ? baseline.p95Ms / row.p95Ms : null;
    log("");
    log(formatSearchBenchTable(sizeRows));
    rows.push(...sizeRows);
  }
  return rows;
}

function interleave(queries: readonly LabelledQuery[]): LabelledQuery[] {
  const generated = queries.filter((q) => !PLANTED_KINDS.has(q.kind));
  const planted = queries.filter((q) => PLANTED_KINDS.has(q.kind));
  const out: LabelledQuery[] = [];
  const every = Math.max(1, Math.round(generated.length / Math.max(1, planted.length)));
  generated.forEach((q, i) => {
    out.push(q);
    if (i % every === every - 1 && planted.length > 0) out.push(planted.shift()!);
  });
  return [...out, ...planted];
}

const PLANTED_KINDS = new Set(["body", "natural"]);

function parseSizes(text: string): number[] {
  const sizes = text.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes wants positive integers, e.g. 100,1000 (got "${text}")`);
  return sizes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: DEFAULT_SIZES.join(",") },
      seed: { type: "string", default: "42" },
      json: { type: "string" },
      engines: { type: "string" },
      "fuse-queries": { type: "string", default: String(FUSE_SUBSET_QUERIES) },
      "fuse-budget": { type: "string", default: String(FUSE_SUBSET_BUDGET_SECONDS) },
    },
  });
  const started = performance.now();
  const rows = runNodeSearchBench({
    sizes: parseSizes(values.sizes),
    seed: Number(values.seed),
    engines: values.engines?.split(",").map((e) => e.trim()),
    fuseSubsetQueries: Number(values["fuse-queries"]),
    fuseBudgetSeconds: Number(values["fuse-budget"]),
  });
  console.log(`\nWhole run: ${ms(performance.now() - started)}`);
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
    console.log(`Rows written to ${values.json}`);
  }
}
