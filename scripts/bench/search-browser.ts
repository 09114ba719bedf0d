// Instant search as a customer feels it, in headless Chromium on a running site: the time from a
// keystroke to the frame that shows its results, and whether the main thread is ever blocked for
// more than 50 ms (index download and decoding included).
//
//   npx tsx scripts/bench/search-browser.ts --url http://127.0.0.1:3400 [--size 10000]
//
// The queries are typed one key at a time into the header search box of an article page, the way
// a person types (60 ms apart). Each keystroke is timed from its keydown to the animation frame
// after the results list changed.
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { assertChromium, CHROMIUM_ARGS } from "../chromium";
import { generateCorpus } from "./corpus";
import type { LabelledQuery } from "./corpus-types";
import { isMain } from "./lib/is-main";
import { assertLoopbackUrl } from "./lib/loopback";
import { markdownTable } from "./lib/table";

export interface BrowserSearchOptions {
  url: string;
  /** An article to type on. */
  articlePath: string;
  queries: LabelledQuery[];
  /** How many of the queries to type (each is typed in full, key by key). */
  sample?: number;
  label?: string;
}

export interface BrowserSearchResult {
  label: string;
  mode: "client" | "server";
  keystrokes: number;
  measured: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** From focusing the box to the index being usable (client mode). */
  indexReadyMs: number | null;
  indexTransferBytes: number | null;
  /** Main-thread tasks over 50 ms from the first focus of the search box on (index load included). */
  longTasks: number;
  longestTaskMs: number;
  /** The same while the page itself loaded and hydrated, before any search. */
  pageLoadLongestTaskMs: number;
  recallAt1: number;
}

declare global {
  interface Window {
    __bench: { pending: number | null; samples: number[]; longTasks: { start: number; duration: number }[]; searchFrom: number };
  }
}

/** Installed before any page script: long-task observer and keystroke → frame timing. */
function instrument() {
  window.__bench = { pending: null, samples: [], longTasks: [], searchFrom: Infinity };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  document.addEventListener(
    "keydown",
    (event) => {
      if ((event.target as HTMLElement | null)?.getAttribute?.("role") === "combobox") window.__bench.pending = performance.now();
    },
    true,
  );
  // The whole document is watched from the start; only changes inside a search form count.
  new MutationObserver((records) => {
    const started = window.__bench.pending;
    if (started === null) return;
    const inSearch = records.some((record) => {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      return Boolean(node?.closest('[role="search"]')) && !(node instanceof HTMLInputElement);
    });
    if (!inSearch) return;
    window.__bench.pending = null;
    requestAnimationFrame(() => window.__bench.samples.push(performance.now() - started));
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function searchBox(page: Page) {
  const box = page.locator('[data-header-search] [role="combobox"]');
  await box.waitFor();
  return box;
}

export async function runBrowserSearchBench({ url, articlePath, queries, sample = 60, label = "site" }: BrowserSearchOptions): Promise<BrowserSearchResult> {
  const base = assertLoopbackUrl(url);
  const browser = await chromium.launch({ executablePath: assertChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(instrument);
    let indexBytes: number | null = null;
    let indexLoaded: number | null = null;
    page.on("response", async (response) => {
      if (!response.url().includes("/search-index/")) return;
      indexLoaded = Date.now();
      // Bytes on the wire (compressed), as the browser received them.
      await response.finished().catch(() => {});
      indexBytes = (await response.request().sizes()).responseBodySize;
    });
    await page.goto(new URL(articlePath, base).toString(), { waitUntil: "networkidle" });
    const box = await searchBox(page);

    const focusedAt = Date.now();
    await page.evaluate(() => (window.__bench.searchFrom = performance.now()));
    await box.focus();
    // Client mode downloads the index on focus; wait until it answers a query.
    await box.pressSequentially("a", { delay: 0 });
    await page
      .locator('[data-header-search] [role="listbox"] [role="option"]')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => {});
    const mode = indexLoaded ? "client" : "server";
    const indexReadyMs = indexLoaded ? indexLoaded - focusedAt : null;
    await box.fill("");
    await page.evaluate(() => {
      window.__bench.samples = [];
    });

    let keystrokes = 0;
    let hits = 0;
    const chosen = queries.slice(0, sample);
    for (const { query, answer } of chosen) {
      await box.fill("");
      await page.waitForTimeout(80);
      await page.evaluate(() => (window.__bench.pending = null));
      for (const key of query) {
        await page.keyboard.type(key);
        keystrokes += 1;
        await page.waitForTimeout(60);
      }
      await page.waitForTimeout(150);
      const first = await page
        .locator('[data-header-search] [role="option"] a')
        .first()
        .getAttribute("href")
        .catch(() => null);
      if (first === `/articles/${answer}`) hits += 1;
    }
    const { samples, longTasks: allTasks, searchFrom } = await page.evaluate(() => window.__bench);
    const longTasks = allTasks.filter((t) => t.start >= searchFrom).map((t) => t.duration);
    const loadTasks = allTasks.filter((t) => t.start < searchFrom).map((t) => t.duration);
    return {
      label,
      mode,
      keystrokes,
      measured: samples.length,
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      p99Ms: percentile(samples, 99),
      maxMs: Math.max(...samples),
      indexReadyMs,
      indexTransferBytes: indexBytes,
      longTasks: longTasks.filter((d) => d > 50).length,
      longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
      pageLoadLongestTaskMs: loadTasks.length ? Math.max(...loadTasks) : 0,
      recallAt1: hits / chosen.length,
    };
  } finally {
    await browser.close();
  }
}

export function printBrowserSearch(rows: BrowserSearchResult[]) {
  const ms = (v: number | null) => (v === null || Number.isNaN(v) ? "—" : v.toFixed(1));
  console.log(
    markdownTable(
      [
        "site",
        "mode",
        "keystrokes (timed)",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "index ready ms",
        "index KB (gzip)",
        "long tasks > 50 ms",
        "longest task ms",
        "page-load longest task ms",
        "recall@1",
      ],
      rows.map((r) => [
        r.label,
        r.mode,
        `${r.keystrokes} (${r.measured})`,
        ms(r.p50Ms),
        ms(r.p95Ms),
        ms(r.p99Ms),
        ms(r.maxMs),
        ms(r.indexReadyMs),
        r.indexTransferBytes === null ? "—" : (r.indexTransferBytes / 1024).toFixed(0),
        r.longTasks,
        ms(r.longestTaskMs),
        ms(r.pageLoadLongestTaskMs),
        r.recallAt1.toFixed(2),
      ]),
    ),
  );
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: { url: { type: "string" }, size: { type: "string", default: "10000" }, article: { type: "string" }, sample: { type: "string", default: "60" } },
  });
  if (!values.url) throw new Error("--url of a running site is required (its content should be the corpus of --size).");
  const corpus = generateCorpus(Number(values.size));
  const row = await runBrowserSearchBench({
    url: values.url,
    articlePath: values.article ?? `/articles/${corpus.articles[0]!.slug}`,
    queries: corpus.queries,
    sample: Number(values.sample),
    label: `${values.size} articles`,
  });
  printBrowserSearch([row]);
}
