// A synthetic web-hosting help center for the benchmarks: articles built from title templates ×
// vocabularies (mail apps, registrars, plugins, errors, plans…), plus 200 labelled queries. The
// templates and vocabularies are data (data/corpus-templates.json); this file is the generator.
//
// Deterministic: the same size and seed always give the same corpus, and article i does not
// depend on the size (generateCorpus(100) is the first 100 articles of generateCorpus(1000)).
// Titles are unique; where a template and its vocabulary run out, a qualifier ("on the Business
// Pro plan", "after moving from GoDaddy", and as a last resort "for example-4821 sites") is appended.
//
// Queries (200 per corpus: 50 title words, 60 typos, 30 reordered, 20 still-typing prefixes, 40
// keywords) are spread evenly over the corpus. Each one is built from words that no other
// article's title (or title and tags, for keywords) contains all of — counting a word as matching
// any word it is a prefix of — so a good engine can rank the answer first. Typos are then applied
// to words of 5+ letters. The engines under test are never consulted.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import planted from "./data/planted-answers.json" with { type: "json" };
import templates from "./data/corpus-templates.json" with { type: "json" };
import path from "node:path";
import { joinFrontmatter } from "../../lib/content/frontmatter";
import { formatCount, formatSeconds, startProgress } from "../progress";
import type { Corpus, CorpusArticle, LabelledQuery } from "./corpus-types";

export interface CorpusCategory {
  slug: string;
  name: string;
  description: string;
}

export const CORPUS_CATEGORIES: readonly CorpusCategory[] = templates.categories.map(({ slug, name, description }) => ({ slug, name, description }));

/** How the 200 labelled queries of every corpus are made. */
const QUERY_MIX: readonly [kind: QueryKind, count: number][] = [
  ["title", 50],
  ["typo", 60],
  ["reordered", 30],
  ["prefix", 20],
  ["keywords", 40],
];
type QueryKind = "title" | "typo" | "reordered" | "prefix" | "keywords";

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  }
  /** `count` distinct items, in the order they appear in `list`. */
  sample<T>(list: readonly T[], count: number): T[] {
    const chosen = new Set(this.shuffle(list.map((_, i) => i)).slice(0, count));
    return list.filter((_, i) => chosen.has(i));
  }
}

/** Derives independent streams from one seed, so adding draws to one leaves the others alone. */
function subSeed(seed: number, stream: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(stream, 0xc2b2ae35)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary and templates: data/corpus-templates.json

type Values = Partial<Record<string, string>>;

interface TitleTemplate {
  title: string;
  desc: string;
  tags: string[];
}

interface Table {
  header: string[];
  rows: string[][];
}

/** A category as data/corpus-templates.json describes it. */
interface CategoryTemplates extends CorpusCategory {
  weight: number;
  templates: TitleTemplate[];
  /** Title qualifiers of this category, tried after the global ones. */
  qualifiers: string[];
  tags: string[];
  /** Fallback values for slots a title did not fill, so shared sentences still read well. */
  defaults: Values;
  headings: string[];
  sentences: string[];
  steps: string[];
  /** Cells may hold {slot} placeholders. Absent where the table is computed (COMPUTED_TABLES). */
  table?: Table;
}

interface CorpusTemplates {
  slots: Record<string, string[]>;
  globalQualifiers: string[];
  categories: CategoryTemplates[];
  genericSentences: string[];
  closings: string[];
}

const TEMPLATES: CorpusTemplates = templates;
const SLOTS: Readonly<Record<string, readonly string[]>> = TEMPLATES.slots;
const GENERIC_SENTENCES = TEMPLATES.genericSentences;
const CLOSINGS = TEMPLATES.closings;

interface CategorySpec extends Omit<CategoryTemplates, "table"> {
  table: (values: Values, rng: Rng) => Table;
}

/** Tables whose cells are worked out rather than filled in. */
const COMPUTED_TABLES: Partial<Record<string, CategorySpec["table"]>> = {
  "domains-dns": (values) => ({
    header: ["Type", "Name", "Value", "TTL"],
    rows: [
      [values.record ?? "A", "@", values.record === "MX" ? "10 mail.yourdomain.com" : "value from the provider", "3600"],
      ["CNAME", "www", "yourdomain.com", "3600"],
      ["TXT", "@", "v=spf1 include:spf.harbour.example ~all", "3600"],
    ],
  }),
  "billing-account": (values, rng) => ({
    header: ["Plan", "Monthly", "Yearly"],
    rows: [values.plan && values.plan !== "your plan" ? values.plan : "Starter", values.otherPlan ?? "Business", "Premium"].map((plan, i) => {
      const monthly = 3 + i * 4 + rng.int(3);
      return [plan, `${monthly}.99 a month`, `${monthly * 10}.99 a year`];
    }),
  }),
};

const CATEGORIES: CategorySpec[] = TEMPLATES.categories.map((category) => {
  const computed = COMPUTED_TABLES[category.slug];
  const table = category.table;
  if (!computed === !table) throw new Error(`Category ${category.slug} needs exactly one table: in corpus-templates.json or in COMPUTED_TABLES`);
  return {
    ...category,
    qualifiers: [...TEMPLATES.globalQualifiers, ...category.qualifiers],
    table: computed ?? ((values) => ({ header: table!.header, rows: table!.rows.map((row) => row.map((cell) => fill(cell, values) ?? cell)) })),
  };
});

// ---------------------------------------------------------------------------------------------
// Text helpers

const VOWEL_SOUND_LETTERS = new Set("AEFHILMNORSX");

function withArticle(value: string): string {
  if (/^(a|an|the) /i.test(value)) return value;
  const first = value[0] ?? "";
  const acronym = /^[A-Z0-9]{2,}\b/.test(value) || /^[A-Z]$/.test(value);
  const an = acronym ? VOWEL_SOUND_LETTERS.has(first) : /^[aeiou]/i.test(value);
  return `${an ? "an" : "a"} ${value}`;
}

type Part = string | { name: string; article: boolean };
const compiledPatterns = new Map<string, { parts: Part[]; slots: string[] }>();

function compile(pattern: string): { parts: Part[]; slots: string[] } {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    const parts: Part[] = [];
    const slots: string[] = [];
    let last = 0;
    for (const match of pattern.matchAll(/\{(a:)?(\w+)\}/g)) {
      if (match.index > last) parts.push(pattern.slice(last, match.index));
      parts.push({ name: match[2]!, article: match[1] !== undefined });
      slots.push(match[2]!);
      last = match.index + match[0].length;
    }
    if (last < pattern.length) parts.push(pattern.slice(last));
    compiledPatterns.set(pattern, (compiled = { parts, slots }));
  }
  return compiled;
}

/** Fills {slot} and {a:slot} placeholders; returns null when a slot has no value. */
function fill(pattern: string, values: Values): string | null {
  let text = "";
  for (const part of compile(pattern).parts) {
    if (typeof part === "string") text += part;
    else {
      const value = values[part.name];
      if (value === undefined) return null;
      text += part.article ? withArticle(value) : value;
    }
  }
  return text;
}

function slotsOf(pattern: string): string[] {
  return compile(pattern).slots;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function tagOf(value: string): string {
  return value
    .replace(/^(a|an|the) /i, "")
    .toLowerCase()
    .slice(0, 40)
    .trim();
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 10 ? cut.slice(0, lastHyphen) : slug.slice(0, max)).replace(/-+$/, "");
}

/** Words with a letter or digit in them, roughly what a reader (or compileMdx) counts. */
function countWords(markdown: string): number {
  let count = 0;
  let inWord = false;
  let wordHasText = false;
  for (let i = 0; i <= markdown.length; i++) {
    const code = i < markdown.length ? markdown.charCodeAt(i) : 32;
    if (code === 32 || code === 10 || code === 9) {
      if (inWord && wordHasText) count++;
      inWord = wordHasText = false;
    } else {
      inWord = true;
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) wordHasText = true;
    }
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Articles

const MAX_TITLE = 110;

interface DraftTitle {
  title: string;
  values: Values;
  template: TitleTemplate;
  qualifierValues: string[];
}

function pickValues(slotNames: readonly string[], rng: Rng, values: Values): boolean {
  for (const name of slotNames) {
    if (values[name] !== undefined) continue;
    const list = SLOTS[name];
    if (!list) throw new Error(`No vocabulary for slot {${name}}`);
    let value = rng.pick(list);
    // Two slots from the same list ("from {plan} to {otherPlan}") must differ.
    for (let tries = 0; tries < 8 && Object.values(values).includes(value); tries++) value = rng.pick(list);
    if (Object.values(values).includes(value)) return false;
    values[name] = value;
  }
  return true;
}

/** Upgrades go to a bigger plan and downgrades to a smaller one (the plan list runs small to big). */
function orderPlans(template: TitleTemplate, values: Values) {
  const { plan, otherPlan } = values;
  if (!plan || !otherPlan) return;
  const plans = SLOTS.plan!;
  const up = plans.indexOf(plan) < plans.indexOf(otherPlan);
  if (template.title.startsWith("Upgrade") !== up) [values.plan, values.otherPlan] = [otherPlan, plan];
}

function draftTitle(spec: CategorySpec, rng: Rng, used: Set<string>, serial: number): DraftTitle {
  for (let attempt = 0; attempt < 40; attempt++) {
    const template = rng.pick(spec.templates);
    const values: Values = {};
    if (!pickValues(slotsOf(template.title), rng, values)) continue;
    orderPlans(template, values);
    if (values.wpTask) values.wpTaskLower = values.wpTask.charAt(0).toLowerCase() + values.wpTask.slice(1);
    const base = capitalize(fill(template.title, values)!);

    // Plain title first; then one qualifier, then two, then a numbered fallback.
    const qualifierCount = attempt < 2 ? 0 : attempt < 24 ? 1 : 2;
    let title = base;
    const qualifierValues: string[] = [];
    if (qualifierCount > 0) {
      // "…after installing Laravel after moving from Wix" reads badly: skip a qualifier whose first
      // word the title already has.
      const baseWords = new Set(base.toLowerCase().split(" "));
      const options = spec.qualifiers.filter((q) => !baseWords.has(q.slice(0, q.indexOf(" "))) && slotsOf(q).every((s) => values[s] === undefined));
      const chosen = rng.sample(options, qualifierCount);
      const ok = chosen.every((q) => {
        const before = new Set(Object.keys(values));
        if (!pickValues(slotsOf(q), rng, values)) return false;
        for (const key of Object.keys(values)) if (!before.has(key)) qualifierValues.push(values[key]!);
        title += ` ${fill(q, values)!}`;
        return true;
      });
      if (!ok) continue;
    }
    if (title.length <= MAX_TITLE && !used.has(title.toLowerCase())) {
      used.add(title.toLowerCase());
      return { title, values, template, qualifierValues };
    }
  }
  // Everything plausible is taken: fall back to a numbered example site, which is always unique.
  const template = rng.pick(spec.templates.filter((t) => t.title.length < 60));
  const values: Values = {};
  pickValues(slotsOf(template.title), rng, values);
  orderPlans(template, values);
  if (values.wpTask) values.wpTaskLower = values.wpTask.charAt(0).toLowerCase() + values.wpTask.slice(1);
  let title = `${capitalize(fill(template.title, values)!)} for example-${1000 + serial} sites`;
  while (used.has(title.toLowerCase())) title += " again";
  used.add(title.toLowerCase());
  return { title, values, template, qualifierValues: [] };
}

function buildTags(spec: CategorySpec, draft: DraftTitle, rng: Rng): string[] {
  const tags = new Set<string>();
  for (const name of slotsOf(draft.template.title)) {
    const value = draft.values[name];
    if (value) tags.add(tagOf(value));
  }
  // A bare version number ("6.4", from "on WordPress 6.4") makes a poor tag.
  for (const value of draft.qualifierValues) tags.add(/^[\d.]+$/.test(value) ? `wordpress ${value}` : tagOf(value));
  for (const tag of draft.template.tags) tags.add(tag);
  tags.add(spec.tags[0]!);
  const extra = rng.range(0, 2);
  for (const tag of rng.sample(spec.tags.slice(1), extra)) tags.add(tag);
  let list = [...tags].filter((t) => t.length > 0);
  for (const tag of spec.tags) if (list.length < 3 && !list.includes(tag)) list.push(tag);
  if (list.length > 8) list = list.slice(0, 8);
  return list;
}

/** Words in a plain, single-spaced sentence. */
function sentenceWords(text: string): number {
  let count = 1;
  for (let i = text.indexOf(" "); i !== -1; i = text.indexOf(" ", i + 1)) count++;
  return count;
}

/** A sentence not used yet in this article, if one can be found quickly. */
function pickSentence(spec: CategorySpec, values: Values, rng: Rng, used: Set<string>): string {
  for (let tries = 0; ; tries++) {
    const pool = rng.chance(0.75) ? spec.sentences : GENERIC_SENTENCES;
    const text = fill(rng.pick(pool), values);
    if (text && (tries > 12 || !used.has(text))) {
      used.add(text);
      return capitalize(text);
    }
  }
}

function buildBody(spec: CategorySpec, values: Values, description: string, headings: string[], rng: Rng): string {
  const target = rng.range(170, 360);
  const listSection = rng.int(headings.length);
  const tableSection = rng.chance(0.35) ? rng.int(headings.length) : -1;
  const used = new Set<string>();
  let words = sentenceWords(description);
  const sentence = (): string => {
    const text = pickSentence(spec, values, rng, used);
    words += sentenceWords(text);
    return text;
  };

  // Articles open with what they answer, as the real ones do.
  const intro = [description];
  if (rng.chance(0.5)) intro.push(sentence());
  const sections = headings.map((heading, i) => {
    const depth = i > 0 && rng.chance(0.3) ? "###" : "##";
    words += sentenceWords(heading);
    const blocks: string[][] = [[sentence()]];
    const extras: string[] = [];
    if (i === listSection) {
      const steps = rng.sample(spec.steps, rng.range(3, 6)).map((step, n) => `${n + 1}. ${fill(step, values) ?? step}`);
      const list = steps.join("\n");
      words += countWords(list);
      extras.push(list);
    }
    if (i === tableSection) {
      const { header, rows } = spec.table(values, rng);
      const table = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
      words += countWords(table);
      extras.push(table);
    }
    return { heading: `${depth} ${heading}`, blocks, extras };
  });
  const closing = rng.pick(CLOSINGS);
  words += sentenceWords(closing);

  while (words < target) {
    const section = rng.pick(sections);
    if (section.blocks.length < 2 && rng.chance(0.5)) section.blocks.push([]);
    section.blocks.at(-1)!.push(sentence());
  }

  let body = intro.join(" ");
  for (const section of sections) {
    body += `\n\n${section.heading}`;
    for (const block of section.blocks) body += `\n\n${block.join(" ")}`;
    for (const extra of section.extras) body += `\n\n${extra}`;
  }
  return `${body}\n\n${closing}\n`;
}

function buildArticle(spec: CategorySpec, rng: Rng, bodyRng: Rng, used: Set<string>, slugs: Set<string>, serial: number): CorpusArticle {
  const draft = draftTitle(spec, rng, used, serial);
  const values: Values = { ...spec.defaults, ...draft.values };

  let description = capitalize(fill(draft.template.desc, values)!);
  if (description.length > 200) description = `${description.slice(0, 196).replace(/[ ,]+\S*$/, "")}.`;

  const tags = buildTags(spec, draft, rng);

  const headingCount = rng.range(3, 6);
  const candidates = [...new Set(spec.headings.map((h) => fill(h, values)).filter((h): h is string => h !== null))];
  const headings = rng.sample(candidates, headingCount);

  const base = truncateSlug(slugify(draft.title), 80);
  let slug = base;
  for (let n = 2; slugs.has(slug); n++) slug = `${truncateSlug(base, 80 - String(n).length - 1)}-${n}`;
  slugs.add(slug);

  return { slug, category: spec.slug, title: draft.title, description, tags, headings, body: buildBody(spec, values, description, headings, bodyRng) };
}

/**
 * Generates `size` articles and 200 labelled queries. Same size and seed → same corpus.
 * `onProgress` is told after each article (a command line draws its progress bar from it).
 */
export function generateCorpus(size: number, seed = 42, { onProgress }: { onProgress?: (done: number, total: number) => void } = {}): Corpus {
  if (!Number.isInteger(size) || size < 1) throw new Error(`size must be a positive integer, got ${size}`);
  const rng = new Rng(subSeed(seed, 1));
  const bodyRng = new Rng(subSeed(seed, 2));
  const totalWeight = CATEGORIES.reduce((sum, c) => sum + c.weight, 0);
  const used = new Set<string>();
  const slugs = new Set<string>();
  const articles: CorpusArticle[] = [];
  for (let i = 0; i < size; i++) {
    let roll = rng.next() * totalWeight;
    const spec = CATEGORIES.find((c) => (roll -= c.weight) < 0) ?? CATEGORIES.at(-1)!;
    articles.push(buildArticle(spec, rng, bodyRng, used, slugs, i));
    onProgress?.(i + 1, size);
  }
  plantAnswers(articles);
  const queries = generateQueries(articles, new Rng(subSeed(seed ^ size, 3)));
  return { articles, queries: [...queries, ...plantedQueries(articles)] };
}

// ---------------------------------------------------------------------------------------------
// Planted answers (scripts/bench/data/planted-answers.json): real-sounding articles whose bodies
// hold what customers type (ports, error messages, menu names, file names), with natural phrasings.

interface PlantedArticle {
  category: string;
  title: string;
  description: string;
  tags: string[];
  body: string;
  queries: { query: string; kind: string; set: "tuning" | "held-out" }[];
}

const PLANTED: readonly PlantedArticle[] = (planted as { articles: PlantedArticle[] }).articles;

/** Whether `text` has the words `keys` next to each other, in order, stopwords aside, within one line. */
function hasPhrase(text: string, keys: readonly string[]): boolean {
  if (keys.length < 2) return false;
  return text.split("\n").some((line) => {
    const words = rawTokens(line).map(form);
    return words.some((_, i) => keys.every((key, k) => words[i + k] === key));
  });
}

/** A crude word form: plural, -ing, -ed and a final e dropped ("arriving", "arrived", "arrives" → "arriv"). */
function form(word: string): string {
  const w = fold(word);
  if (w.length <= 4) return w;
  return w.replace(/(?:ing|ed|es|e)$/, "");
}

/** Where planted article k goes: spread evenly, replacing the generated article there. */
const plantedPosition = (k: number, size: number) => Math.min(size - 1, Math.floor(((k + 0.5) * size) / PLANTED.length));

function plantAnswers(articles: CorpusArticle[]) {
  if (articles.length < PLANTED.length) return;
  PLANTED.forEach((p, k) => {
    const headings = [...p.body.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!);
    articles[plantedPosition(k, articles.length)] = {
      slug: `${slugify(p.title)}-p${k}`,
      category: p.category,
      title: p.title,
      description: p.description,
      tags: p.tags,
      headings,
      body: p.body,
    };
  });
}

/** The planted queries, checked to be answerable: no other article holds all of a query's words. */
function plantedQueries(articles: readonly CorpusArticle[]): LabelledQuery[] {
  if (articles.length < PLANTED.length) return [];
  // Words as written (with inner dots, hyphens and underscores: "5.1.1", "wp-config.php") and as plain tokens.
  // Word forms count as one ("arrive", "arriving"), as engines with a stemmer treat them.
  const wordsOf = (text: string) => new Set([...surfaceWords(text.replace(/[`*|()[\]'’,:;!?]/g, " ")), ...rawTokens(text).map(form)]);
  const keysOf = (query: string) => [
    ...new Set(
      surfaceWords(query.replace(/['’]/g, ""))
        .map((w) => (/^[a-z]+$/.test(w) ? form(w) : w))
        .filter((w) => !isStop(w)),
    ),
  ];
  const texts = articles.map((a) => wordsOf(`${a.title} ${a.description} ${a.tags.join(" ")} ${a.body}`));
  const problems: string[] = [];
  const queries = PLANTED.flatMap((p, k) => {
    const answer = plantedPosition(k, articles.length);
    return p.queries.map((q) => {
      const keys = keysOf(q.query);
      const missing = keys.filter((key) => !texts[answer]!.has(key));
      const holders = texts.flatMap((words, i) => (i !== answer && keys.every((key) => words.has(key)) ? [i] : []));
      // Words that other articles also hold are still answerable when only this one holds them side by side.
      const phrase = (i: number) => hasPhrase(`${articles[i]!.title}\n${articles[i]!.description}\n${articles[i]!.body}`, keys);
      const others = holders.length > 0 && phrase(answer) ? holders.filter(phrase).length : holders.length;
      if (missing.length > 0) problems.push(`"${q.query}": "${p.title}" lacks ${missing.join(", ")}`);
      else if (others > 0) problems.push(`"${q.query}": ${others} other articles hold all its words${phrase(answer) ? " side by side" : ""}`);
      return { query: q.query, answer: articles[answer]!.slug, kind: q.kind, set: q.set };
    });
  });
  if (problems.length > 0) throw new Error(`Planted queries that do not single out their article at ${articles.length} articles:\n  ${problems.join("\n  ")}`);
  return queries;
}

// ---------------------------------------------------------------------------------------------
// Queries

const STOPWORDS = new Set(
  "a an and are as at be by can do does for from how i in is it its me my of on or our the to vs what when where which why with you your".split(" "),
);

/** Light plural folding, so "domain" and "domains" count as the same word when checking uniqueness. */
function fold(token: string): string {
  if (token.length > 4 && token.endsWith("ies")) return `${token.slice(0, -3)}y`;
  if (token.length > 3 && token.endsWith("s") && !/(ss|us|is|os)$/.test(token)) return token.slice(0, -1);
  return token;
}

function rawTokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, "")
      .match(/[a-z0-9]+/g) ?? []
  ).filter((t) => !STOPWORDS.has(t));
}

/** Words as a customer would type them: lowercase, outer punctuation dropped, inner kept (co.uk, wp-cli). */
function surfaceWords(title: string): string[] {
  return title
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ""))
    .filter(Boolean);
}

function contentKeys(words: readonly string[]): string[] {
  return [...new Set(words.flatMap(rawTokens).map(fold))];
}

/**
 * Which articles a set of query words can match in a field, for checking that a query is
 * answerable. Every word counts as matching any word it is a prefix of ("app" matches "apple",
 * "domain" matches "domains"), as search-as-you-type engines treat it, so a query is only called
 * unique when no other article could match all of its words even that way.
 */
class WordIndex {
  /** Per article: its words and their plural-folded forms. */
  readonly words: string[][];
  readonly exact = new Map<string, number[]>();
  readonly vocabulary: string[];
  readonly #byPrefix = new Map<string, number[]>();

  constructor(texts: readonly string[]) {
    this.words = texts.map((t) => {
      const raw = rawTokens(t);
      return [...new Set([...raw, ...raw.map(fold)])];
    });
    this.words.forEach((words, doc) => {
      for (const word of words) {
        let list = this.exact.get(word);
        if (!list) this.exact.set(word, (list = []));
        list.push(doc);
      }
    });
    this.vocabulary = [...this.exact.keys()].sort();
  }

  /** Articles with a word starting with `key`, ascending. */
  postings(key: string): number[] {
    let docs = this.#byPrefix.get(key);
    if (!docs) {
      let low = 0;
      let high = this.vocabulary.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (this.vocabulary[mid]! < key) low = mid + 1;
        else high = mid;
      }
      const lists: number[][] = [];
      for (let i = low; i < this.vocabulary.length && this.vocabulary[i]!.startsWith(key); i++) lists.push(this.exact.get(this.vocabulary[i]!)!);
      docs = lists.length === 1 ? lists[0]! : [...new Set(lists.flat())].sort((a, b) => a - b);
      this.#byPrefix.set(key, docs);
    }
    return docs;
  }

  df(key: string): number {
    return this.postings(key).length;
  }

  has(doc: number, key: string): boolean {
    return this.words[doc]!.some((w) => w.startsWith(key));
  }

  /** Articles matching every key. */
  matching(keys: readonly string[], limit = Infinity): number[] {
    if (keys.length === 0) return this.words.map((_, i) => i);
    const rarest = keys.reduce((best, key) => (this.df(key) < this.df(best) ? key : best));
    const out: number[] = [];
    for (const doc of this.postings(rarest)) {
      if (!keys.every((k) => this.has(doc, k))) continue;
      out.push(doc);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** True when `doc` is the only article matching. */
  unique(doc: number, keys: readonly string[]): boolean {
    if (keys.length === 0) return false;
    const found = this.matching(keys, 2);
    return found.length === 1 && found[0] === doc;
  }
}

interface QueryContext {
  articles: readonly CorpusArticle[];
  titles: WordIndex;
  titlesAndTags: WordIndex;
  rng: Rng;
}

const isStop = (word: string) => rawTokens(word).length === 0;

/** Contiguous runs of title words that only this article's title contains, shortest first. */
function uniqueWindows(ctx: QueryContext, doc: number, minWords = 2): string[][] {
  const words = surfaceWords(ctx.articles[doc]!.title);
  const found: string[][] = [];
  for (let length = minWords; length <= words.length; length++) {
    for (let start = 0; start + length <= words.length; start++) {
      const window = words.slice(start, start + length);
      if (isStop(window[0]!) || isStop(window.at(-1)!)) continue;
      if (ctx.titles.unique(doc, contentKeys(window))) found.push(window);
    }
    if (found.length > 0 && length >= found[0]!.length + 1) break;
  }
  return found;
}

/** Greedily picks the words that narrow the candidates most until only `doc` is left. */
function distinctiveWords(ctx: QueryContext, doc: number, index: WordIndex, source: string, maxWords: number): string[] | null {
  const byKey = new Map<string, string>();
  for (const raw of rawTokens(source)) if (!byKey.has(fold(raw))) byKey.set(fold(raw), raw);
  const keys = ctx.rng.shuffle([...byKey.keys()]);
  const chosen: string[] = [];
  let candidates: number[] = [];
  while (chosen.length < maxWords) {
    let best: string | null = null;
    let bestCount = Infinity;
    for (const key of keys) {
      if (chosen.includes(key)) continue;
      const count = chosen.length === 0 ? index.df(key) : candidates.reduce((n, c) => n + (index.has(c, key) ? 1 : 0), 0);
      if (count < bestCount) [best, bestCount] = [key, count];
    }
    if (best === null) break;
    chosen.push(best);
    candidates = index.matching(chosen);
    if (candidates.length === 1 && chosen.length >= 2) return chosen.map((k) => byKey.get(k)!);
  }
  return null;
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: "qswz",
  b: "vghn",
  c: "xdfv",
  d: "serfcx",
  e: "wsdr",
  f: "drtgvc",
  g: "ftyhbv",
  h: "gyujnb",
  i: "ujko",
  j: "huikmn",
  k: "jiolm",
  l: "kop",
  m: "njk",
  n: "bhjm",
  o: "iklp",
  p: "ol",
  q: "wa",
  r: "edft",
  s: "awedxz",
  t: "rfgy",
  u: "yhji",
  v: "cfgb",
  w: "qase",
  x: "zsdc",
  y: "tghu",
  z: "asx",
};

function misspell(word: string, rng: Rng): string {
  for (let tries = 0; tries < 10; tries++) {
    const kind = rng.int(3);
    const i = rng.range(1, word.length - 1);
    let out = word;
    if (kind === 0) out = word.slice(0, i) + word.slice(i + 1);
    else if (kind === 1 && i < word.length - 1) out = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    else if (kind === 2) out = word.slice(0, i) + rng.pick([...(KEYBOARD_NEIGHBOURS[word[i]!] ?? "e")]) + word.slice(i + 1);
    if (out !== word) return out;
  }
  return word.slice(0, -1);
}

function orderInTitle(title: string, words: readonly string[]): string[] {
  const lower = surfaceWords(title).join(" ");
  return [...words].sort((a, b) => lower.indexOf(a) - lower.indexOf(b));
}

function makeQuery(ctx: QueryContext, doc: number, kind: QueryKind): string | null {
  const { rng } = ctx;
  const article = ctx.articles[doc]!;
  const words = surfaceWords(article.title);
  switch (kind) {
    case "title": {
      if (rng.chance(0.4) && ctx.titles.unique(doc, contentKeys(words))) return words.join(" ");
      const windows = uniqueWindows(ctx, doc);
      return windows.length > 0 ? rng.pick(windows).join(" ") : null;
    }
    case "keywords": {
      const source = `${article.title} ${article.tags.join(" ")}`;
      const chosen = distinctiveWords(ctx, doc, ctx.titlesAndTags, source, 4);
      if (!chosen) return null;
      if (chosen.length < 4 && rng.chance(0.3)) {
        const extra = rawTokens(source).filter((t) => !chosen.includes(t));
        if (extra.length > 0) chosen.push(rng.pick(extra));
      }
      return rng.shuffle(chosen).join(" ");
    }
    case "reordered": {
      const chosen = distinctiveWords(ctx, doc, ctx.titles, article.title, 4);
      if (!chosen) return null;
      if (chosen.length < 4 && rng.chance(0.5)) {
        const extra = rawTokens(article.title).filter((t) => !chosen.includes(t));
        if (extra.length > 0) chosen.push(rng.pick(extra));
      }
      const inOrder = orderInTitle(article.title, chosen).join(" ");
      for (let tries = 0; tries < 10; tries++) {
        const shuffled = rng.shuffle([...chosen]).join(" ");
        if (shuffled !== inOrder) return shuffled;
      }
      return null;
    }
    case "typo": {
      let base: string[] | null;
      if (rng.chance(0.5)) {
        const windows = uniqueWindows(ctx, doc);
        base = windows.length > 0 ? [...rng.pick(windows)] : null;
      } else {
        const chosen = distinctiveWords(ctx, doc, ctx.titles, article.title, 4);
        base = chosen ? orderInTitle(article.title, chosen) : null;
      }
      if (!base) return null;
      const eligible = base.map((w, i) => (/^[a-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
      if (eligible.length === 0) return null;
      // One or two edits; two in the same word only when it is long enough to stay recognisable.
      const edits = rng.chance(0.35) ? 2 : 1;
      const targets = edits === 2 && eligible.length > 1 ? rng.sample(eligible, 2) : [rng.pick(eligible)];
      if (edits === 2 && targets.length === 1 && base[targets[0]!]!.length >= 8) targets.push(targets[0]!);
      for (const i of targets) base[i] = misspell(base[i]!, rng);
      return base.join(" ");
    }
    case "prefix": {
      // What a customer has typed so far: the title from its start, the last word cut short.
      for (let end = 2; end <= words.length; end++) {
        const last = words[end - 1]!;
        if (!/^[a-z0-9]{4,}$/.test(last)) continue;
        const complete = contentKeys(words.slice(0, end - 1));
        if (complete.length === 0) continue;
        const cuts: number[] = [];
        for (let n = Math.max(2, Math.ceil(last.length * 0.4)); n < last.length; n++) {
          if (ctx.titles.unique(doc, [...complete, last.slice(0, n)])) cuts.push(n);
        }
        if (cuts.length > 0) return [...words.slice(0, end - 1), last.slice(0, rng.pick(cuts))].join(" ");
      }
      return null;
    }
  }
}

function generateQueries(articles: readonly CorpusArticle[], rng: Rng): LabelledQuery[] {
  const ctx: QueryContext = {
    articles,
    titles: new WordIndex(articles.map((a) => a.title)),
    titlesAndTags: new WordIndex(articles.map((a) => `${a.title} ${a.tags.join(" ")}`)),
    rng,
  };
  const kinds = rng.shuffle(QUERY_MIX.flatMap(([kind, count]) => Array<QueryKind>(count).fill(kind)));
  const seen = new Set<string>();
  const queries: LabelledQuery[] = [];
  const size = articles.length;
  kinds.forEach((kind, i) => {
    // Answers are spread evenly over the corpus, one per stretch of size/200 articles.
    const start = Math.min(size - 1, Math.floor(((i + rng.next()) * size) / kinds.length));
    for (let attempt = 0; attempt < size * 2 && attempt < 500; attempt++) {
      const doc = (start + attempt * 7919) % size;
      const query = makeQuery(ctx, doc, kind);
      if (query && !seen.has(query)) {
        seen.add(query);
        // Every other query is held out: ranking is tuned on the rest only.
        queries.push({ query, answer: articles[doc]!.slug, kind, set: i % 2 === 0 ? "tuning" : "held-out" });
        return;
      }
    }
    throw new Error(`Could not make a "${kind}" query near article ${start}`);
  });
  return queries;
}

// ---------------------------------------------------------------------------------------------
// Writing the corpus as a content library

/**
 * Writes `dir/categories.json` and `dir/articles/<category>/<slug>.mdx`, the layout
 * `readLibrary` (lib/content/library.ts) reads. Refuses to write over an existing library unless
 * `overwrite` is set, in which case its categories.json and articles/ are replaced.
 */
/**
 * Writes the corpus as a content library (categories.json and articles/<category>/<slug>.mdx), with
 * a progress bar in a terminal and a summary line at the end (`quiet` leaves both out).
 */
export function writeCorpusLibrary(corpus: Corpus, dir: string, { overwrite = false, quiet = false }: { overwrite?: boolean; quiet?: boolean } = {}): void {
  const articlesDir = path.join(dir, "articles");
  if (existsSync(articlesDir) && readdirSync(articlesDir).length > 0) {
    if (!overwrite) throw new Error(`${articlesDir} is not empty: pass { overwrite: true } to replace it`);
    rmSync(articlesDir, { recursive: true, force: true });
  }
  const progress = startProgress("Writing", corpus.articles.length, quiet ? { stream: { write: () => true } } : {});
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "categories.json"), `${JSON.stringify(CORPUS_CATEGORIES, null, 2)}\n`);
  for (const category of CORPUS_CATEGORIES) mkdirSync(path.join(articlesDir, category.slug), { recursive: true });
  for (const [index, article] of corpus.articles.entries()) {
    const source = joinFrontmatter(
      { title: article.title, description: article.description, tags: article.tags, updated: "2026-11-20", related: [], audience: "public" },
      article.body,
    );
    writeFileSync(path.join(articlesDir, article.category, `${article.slug}.mdx`), source);
    progress.update(index + 1);
  }
  const seconds = progress.finish();
  if (!quiet)
    console.log(
      `Wrote ${formatCount(corpus.articles.length)} benchmark articles in ${CORPUS_CATEGORIES.length} categories to ${dir} in ${formatSeconds(seconds)}.`,
    );
}
