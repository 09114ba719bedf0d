// npm run bench — every benchmark in one run, each printing its table and its ratio against a
// baseline measured in the same run. Results also go to bench-results/latest.json.
//
//   npm run bench                       # everything (about 15 minutes on 2 cores)
//   npm run bench -- --only search      # one part: search | browser | build | pages | weight | audits | flood | fleet | durability | staff
//   npm run bench -- --quick            # smaller sizes, shorter load tests
//
// Nothing here is a test: it measures. Targets are printed beside the figures.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus, writeCorpusLibrary } from "./corpus";
import { runFleetBench } from "./fleet";
import { runFloodBench } from "./flood";
import { runDurabilityBench } from "./durability";
import { runLighthouseAudits } from "./lighthouse-audits";
import { runPageWeightBench } from "./page-weight";
import { runStaffListsBench } from "./staff-lists";
import { runPagesBench } from "./pages";
import { printBrowserSearch, runBrowserSearchBench, type BrowserSearchResult } from "./search-browser";
import { runBrowserEnginesBench } from "./search-engines-browser";
import { formatSearchBenchTable, runNodeSearchBench } from "./search-node";
import { projectRoot } from "./lib/paths";
import { prepareSite, type PrepareResult } from "./lib/prepare-site";
import { startSite } from "./lib/start-site";
import { markdownTable } from "./lib/table";
import { loadEnvFiles } from "../../lib/env-files";

// BENCH_POSTGRES_URL and the like from the .env files, as every script reads them (lib/env-files.ts).
loadEnvFiles();

const PARTS = ["search", "browser", "build", "pages", "weight", "audits", "flood", "fleet", "durability", "staff"] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    quick: { type: "boolean", default: false },
  },
});
const only = values.only ? (values.only.split(",") as Part[]) : [...PARTS];
for (const part of only) if (!PARTS.includes(part)) throw new Error(`--only takes ${PARTS.join(", ")}; got "${part}"`);
const quick = values.quick;
const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  startedAt: new Date().toISOString(),
};

const heading = (text: string) => console.log(`\n## ${text}\n`);
const started = performance.now();

if (only.includes("search")) {
  heading("1. Search in Node (baseline: plain fuse.js)");
  // Plain fuse.js takes seconds to tens of seconds a query at 10,000+: it gets a time budget.
  const rows = runNodeSearchBench({
    sizes: quick ? [100, 1_000, 10_000] : [100, 1_000, 10_000, 50_000],
    fuseSubsetQueries: 20,
    fuseBudgetSeconds: quick ? 20 : 60,
    log: () => {},
  });
  console.log(formatSearchBenchTable(rows));
  results.searchNode = rows;

  heading("1b. Search in Chromium, engine against engine (baseline: plain fuse.js)");
  const browserRows = await runBrowserEnginesBench({ sizes: quick ? [1_000] : [1_000, 10_000] });
  console.log(formatSearchBenchTable(browserRows));
  results.searchChromium = browserRows;
}

// Sites built from the synthetic corpus: import and build are measured, then the 10,000-article
// site is used for the in-browser keystroke benchmark.
const sizes = quick ? [1_000] : [1_000, 10_000];
const built = new Map<number, { databaseUrl: string; distDir: string; prepare: PrepareResult }>();
if (only.includes("build") || only.includes("browser")) {
  heading("3. Content import and next build (baseline: the smallest size)");
  for (const size of sizes) {
    const dir = path.join(tmpdir(), `helpdesk-corpus-${size}`);
    rmSync(dir, { recursive: true, force: true });
    writeCorpusLibrary(generateCorpus(size), dir);
    const databaseUrl = `file:./data/bench-${size}.db`;
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(projectRoot, `data/bench-${size}.db${suffix}`), { force: true });
    const distDir = `.next-bench-${size}`;
    console.log(`(${size} articles: migrate, import, build…)`);
    const prepare = await prepareSite({ databaseUrl, distDir, contentDir: dir });
    built.set(size, { databaseUrl, distDir, prepare });
  }
  const base = built.get(sizes[0]!)!.prepare;
  const step = (p: PrepareResult, name: string) => p.steps.find((s) => s.step === name)!;
  console.log(
    markdownTable(
      ["articles", "import s", "import peak MB", "build s", "build peak MB", "import time vs smallest", "build time vs smallest"],
      [...built].map(([size, { prepare }]) => [
        size.toLocaleString("en"),
        step(prepare, "import").seconds.toFixed(1),
        (step(prepare, "import").peakTreeRssMb ?? 0).toFixed(0),
        step(prepare, "build").seconds.toFixed(1),
        (step(prepare, "build").peakRssMb ?? step(prepare, "build").peakTreeRssMb ?? 0).toFixed(0),
        `${(step(prepare, "import").seconds / step(base, "import").seconds).toFixed(1)}× for ${(size / sizes[0]!).toFixed(0)}× the articles`,
        `${(step(prepare, "build").seconds / step(base, "build").seconds).toFixed(1)}×`,
      ]),
    ),
  );
  results.build = [...built].map(([size, { prepare }]) => ({ size, ...prepare }));
}

if (only.includes("browser")) {
  heading("2. Instant search in Chromium: keystroke to rendered results (target p95 ≤ 16 ms, no task over 50 ms)");
  const rows: BrowserSearchResult[] = [];
  for (const [size, { databaseUrl, distDir }] of built) {
    const site = await startSite({ port: 3480, databaseUrl, distDir });
    try {
      const corpus = generateCorpus(size);
      rows.push(
        await runBrowserSearchBench({
          url: site.url,
          articlePath: `/articles/${corpus.articles[0]!.slug}`,
          queries: corpus.queries,
          sample: quick ? 20 : 60,
          label: `${size.toLocaleString("en")} articles`,
        }),
      );
    } finally {
      await site.stop();
    }
  }
  printBrowserSearch(rows);
  results.browser = rows;
}

if (only.includes("pages") || only.includes("weight") || only.includes("audits")) {
  // The starter library, as a new help center would run it.
  const databaseUrl = "file:./data/bench.db";
  const distDir = ".next-bench";
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(projectRoot, `data/bench.db${suffix}`), { force: true });
  await prepareSite({ databaseUrl, distDir });
  // SITE_URL: canonical links and share cards name the address the browser visits (Lighthouse checks them).
  const site = await startSite({ port: 3490, databaseUrl, distDir, env: { SITE_URL: "http://127.0.0.1:3490" } });
  try {
    if (only.includes("pages")) {
      heading("4. Pages under load with autocannon (baseline: a static file server, same article HTML)");
      // The same build once more with the page cache off, for the article's row without it.
      const plain = await startSite({ port: 3491, databaseUrl, distDir, env: { PAGE_CACHE_SECONDS: "0" } });
      // …and under plain `next start`, where /api/search is answered by its route handler.
      const next = await startSite({ port: 3492, databaseUrl, distDir, plainNext: true });
      try {
        results.pages = await runPagesBench({
          url: site.url,
          seconds: quick ? 4 : 10,
          serverPid: site.pid,
          uncached: { url: plain.url, pid: plain.pid },
          plainNext: { url: next.url, pid: next.pid },
        }); // prints its table
      } finally {
        await plain.stop();
        await next.stop();
      }
    }
    if (only.includes("weight")) {
      heading("5. Page weight and Lighthouse (targets: article ≤ 120 KB JS gzip; 100 desktop, ≥ 95 mobile)");
      const weight = await runPageWeightBench({ url: site.url, distDir, lighthouseRuns: quick ? 1 : 3 }); // prints its table
      results.weight = weight;
    }
    if (only.includes("audits")) {
      heading("5b. Lighthouse SEO, best practices and accessibility on home, an article, search and contact (target: 100)");
      results.audits = await runLighthouseAudits({ url: site.url }); // prints its table
    }
  } finally {
    await site.stop();
  }
}

if (only.includes("flood")) {
  heading("6. One client flooding the public writes (baseline: the same site with RATE_LIMITS=off)");
  results.flood = await runFloodBench({ seconds: quick ? 15 : 60 }); // prints its table
}

if (only.includes("fleet")) {
  heading("7. A fleet: one instance against two behind nginx (baseline: one instance, same run)");
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
  if (adminUrl)
    results.fleet = await runFleetBench({ adminUrl, seconds: quick ? 4 : 8 }); // prints its table
  else console.log("Skipped: set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to a PostgreSQL server where the bench may create a database.");
}

if (only.includes("durability")) {
  heading("8. Durability: votes under load, a crash, SQLite's commit cost, backup and restore (targets: stored = acknowledged, no 5xx, nothing lost)");
  results.durability = await runDurabilityBench({ quick, postgresServerUrl: process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL });
}

if (only.includes("staff")) {
  heading("9. Staff lists at 10,000 articles and 100,000 votes, over HTTP as a signed-in admin (target: p95 ≤ 100 ms a page)");
  results.staff = await runStaffListsBench({ articles: quick ? 1_000 : 10_000, votes: quick ? 10_000 : 100_000, requests: quick ? 10 : 30 }); // prints its table
}

results.wallSeconds = (performance.now() - started) / 1000;
mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
writeFileSync(path.join(projectRoot, "bench-results/latest.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nDone in ${((performance.now() - started) / 60_000).toFixed(1)} min. Raw figures: bench-results/latest.json`);
