// What a visitor's browser downloads and how Lighthouse scores it.
//
//   npx tsx scripts/bench/page-weight.ts --url http://127.0.0.1:3400 [--dist-dir .next-bench] [--runs 1]
//   npx tsx scripts/bench/page-weight.ts      (prepares .next-bench + data/bench.db, starts the site on 3400)
//
// a. First-load JavaScript: each route loaded in headless Chromium (playwright-core) with a fresh
//    context, every response of resource type "script" recorded until the network is idle, with
//    no interaction; the bodies are gzipped here (level 9), since `next start` may not compress.
// b. Lighthouse 12 performance, desktop and mobile presets, for the home page and an article.
// Nothing leaves the machine: requests to non-loopback hosts are blocked (Playwright) or sent to
// a dead proxy (Lighthouse's Chromium).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { setTimeout as sleep } from "node:timers/promises";
import { isMain } from "./lib/is-main";
import { assertLoopbackUrl, isLoopbackHost } from "./lib/loopback";
import { projectRoot } from "./lib/paths";
import { freePort, pidListeningOn } from "./lib/ports";
import { prepareSite } from "./lib/prepare-site";
import { machineBusySeconds, treeCpuSeconds } from "./lib/process";
import { DEFAULT_DATABASE_URL, DEFAULT_DIST_DIR, DEFAULT_PORT } from "./lib/site-env";
import { startSite } from "./lib/start-site";
import { markdownTable } from "./lib/table";

export const DEFAULT_ARTICLE = "the-difference-between-imap-and-pop";
export const ARTICLE_BUDGET_KB = 120;
export const LIGHTHOUSE_TARGETS = { desktop: 100, mobile: 95 } as const;

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const BACKGROUND_FLAGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const PLAYWRIGHT_ARGS = ["--no-sandbox", "--disable-gpu", ...BACKGROUND_FLAGS];
/**
 * Everything but loopback goes to a proxy on the discard port, which refuses it. Note the bypass
 * rule: `<loopback>` keeps 127.0.0.1/localhost direct; `<-loopback>` would *remove* Chromium's
 * implicit loopback bypass and send the site itself to the dead proxy (every page fails).
 */
const LIGHTHOUSE_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--proxy-server=http://127.0.0.1:9",
  "--proxy-bypass-list=<loopback>",
  ...BACKGROUND_FLAGS,
];

export interface PageWeightOptions {
  url: string;
  distDir?: string;
  article?: string;
  /** Lighthouse runs per page and preset; the median by score is reported. */
  lighthouseRuns?: number;
  /** Skip part b (Lighthouse). */
  skipLighthouse?: boolean;
}

export interface ScriptFile {
  url: string;
  rawBytes: number;
  gzipBytes: number;
  /** Named by a <script src> or preload in the HTML as served, rather than fetched later. */
  inInitialHtml: boolean;
  /** The file exists in distDir/static (so the server runs the build we think it does). */
  inBuild: boolean | null;
}

export interface JsRow {
  route: string;
  status: number;
  scripts: number;
  rawKb: number;
  gzipKb: number;
  /** Of gzipKb, the part loaded after the HTML's own scripts (prefetches, lazy chunks). */
  laterGzipKb: number;
  /** Inline <script> text (Next's bootstrap and RSC payload), gzipped together: not in gzipKb. */
  inlineGzipKb: number;
  /** The HTML document itself, gzipped. */
  htmlGzipKb: number;
  withinBudget: boolean | null;
  files: ScriptFile[];
  blockedRequests: string[];
}

export interface LighthouseRow {
  page: string;
  preset: "desktop" | "mobile";
  score: number;
  target: number;
  meetsTarget: boolean;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Scores of every run when several were made (the row shows the median). */
  allScores: number[];
  /** The most CPU that other processes on the machine used during any of the runs, in cores. */
  otherCpuCores: number | null;
  warnings: string[];
}

export interface PageWeightResult {
  url: string;
  distDir: string;
  js: JsRow[];
  lighthouse: LighthouseRow[];
  chromeLauncher: "chrome-launcher" | "manual";
  wallSeconds: number;
  jsSeconds: number;
  lighthouseSeconds: number;
}

const kb = (bytes: number) => bytes / 1024;
const gzip = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

// ---------------------------------------------------------------------------------------------
// a. First-load JavaScript

function scriptUrlsInHtml(html: string, base: string): Set<string> {
  const urls = new Set<string>();
  const patterns = [/<script\b[^>]*\bsrc="([^"]+)"/gi, /<link\b[^>]*\bhref="([^"]+)"[^>]*\bas="script"/gi, /<link\b[^>]*\bas="script"[^>]*\bhref="([^"]+)"/gi];
  for (const pattern of patterns) {
    for (const match of html.matchAll(pattern)) {
      try {
        urls.add(new URL(match[1]!.replace(/&amp;/g, "&"), base).href);
      } catch {
        // not a URL
      }
    }
  }
  return urls;
}

function inBuild(scriptUrl: string, distDir: string): boolean | null {
  const { pathname } = new URL(scriptUrl);
  if (!pathname.startsWith("/_next/static/")) return null;
  return existsSync(path.join(projectRoot, distDir, "static", decodeURIComponent(pathname.slice("/_next/static/".length))));
}

async function measureFirstLoadJs(base: string, routes: { route: string; article: boolean }[], distDir: string): Promise<JsRow[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_ARGS });
  const rows: JsRow[] = [];
  try {
    for (const { route, article } of routes) {
      const context = await browser.newContext(); // fresh cache and cookies for every route
      const blocked: string[] = [];
      await context.route("**/*", (handle) => {
        const requestUrl = handle.request().url();
        if (/^(data|blob):/.test(requestUrl) || isLoopbackHost(new URL(requestUrl).hostname)) return handle.continue();
        blocked.push(requestUrl);
        return handle.abort("blockedbyclient");
      });
      const page = await context.newPage();
      const bodies: Promise<{ url: string; body: Buffer } | null>[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() !== "script") return;
        bodies.push(
          response
            .body()
            .then((body) => ({ url: response.url(), body }))
            .catch(() => null),
        );
      });
      const response = await page.goto(`${base}${route}`, { waitUntil: "networkidle", timeout: 60_000 });
      const html = response ? (await response.body()).toString("utf8") : "";
      const inline = await page.evaluate(() =>
        Array.from(document.querySelectorAll("script:not([src])"))
          .map((script) => script.textContent ?? "")
          .join("\n"),
      );
      const initial = scriptUrlsInHtml(html, `${base}${route}`);
      const seen = new Set<string>();
      const files: ScriptFile[] = [];
      for (const item of await Promise.all(bodies)) {
        if (!item || seen.has(item.url)) continue; // the same file twice is downloaded once
        seen.add(item.url);
        files.push({
          url: item.url,
          rawBytes: item.body.length,
          gzipBytes: gzip(item.body),
          inInitialHtml: initial.has(item.url),
          inBuild: inBuild(item.url, distDir),
        });
      }
      await context.close();
      const gzipBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);
      rows.push({
        route,
        status: response?.status() ?? 0,
        scripts: files.length,
        rawKb: kb(files.reduce((sum, file) => sum + file.rawBytes, 0)),
        gzipKb: kb(gzipBytes),
        laterGzipKb: kb(files.filter((file) => !file.inInitialHtml).reduce((sum, file) => sum + file.gzipBytes, 0)),
        inlineGzipKb: kb(inline ? gzip(inline) : 0),
        htmlGzipKb: kb(html ? gzip(html) : 0),
        withinBudget: article ? kb(gzipBytes) <= ARTICLE_BUDGET_KB : null,
        files: files.sort((a, b) => b.gzipBytes - a.gzipBytes),
        blockedRequests: blocked,
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// b. Lighthouse

interface LaunchedBrowser {
  port: number;
  kill(): Promise<void>;
}

export type Launcher = { kind: PageWeightResult["chromeLauncher"]; launch(): Promise<LaunchedBrowser> };

export async function chooseLauncher(): Promise<Launcher> {
  try {
    const chromeLauncher = await import("chrome-launcher");
    return {
      kind: "chrome-launcher",
      launch: async () => {
        const chrome = await chromeLauncher.launch({
          chromePath: CHROMIUM_PATH,
          chromeFlags: LIGHTHOUSE_FLAGS,
          port: await freePort(3460, 3499),
          logLevel: "silent",
        });
        return { port: chrome.port, kill: async () => void chrome.kill() };
      },
    };
  } catch {
    // chrome-launcher could not be imported: start Chromium by hand with a debugging port.
    return {
      kind: "manual",
      launch: async () => {
        const port = await freePort(3460, 3499);
        const profile = await mkdtemp(path.join(tmpdir(), "bench-lh-profile-"));
        const child = spawn(CHROMIUM_PATH, [...LIGHTHOUSE_FLAGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, "about:blank"], {
          stdio: "ignore",
          detached: true,
        });
        const deadline = Date.now() + 30_000;
        for (;;) {
          try {
            const response = await fetch(`http://127.0.0.1:${port}/json/version`);
            if (response.ok) break;
          } catch {
            // not up yet
          }
          if (Date.now() > deadline) throw new Error("Chromium's debugging port did not open within 30 s.");
          await sleep(200);
        }
        return {
          port,
          kill: async () => {
            try {
              process.kill(-child.pid!, "SIGKILL");
            } catch {
              // gone
            }
            await sleep(200);
            await rm(profile, { recursive: true, force: true });
          },
        };
      },
    };
  }
}

interface LighthouseRun {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  warnings: string[];
  otherCpuCores: number | null;
}

/** CPU cores used by everything but this process tree (Chromium included) and the server. */
function otherCpuMeter(serverPid: number | null) {
  const read = () => {
    const machine = machineBusySeconds();
    const self = treeCpuSeconds(process.pid);
    const server = serverPid == null ? 0 : (treeCpuSeconds(serverPid) ?? 0);
    return machine == null || self == null ? null : { machine, ours: self + server, at: performance.now() };
  };
  const before = read();
  return () => {
    const after = read();
    if (!before || !after) return null;
    const seconds = (after.at - before.at) / 1000;
    return Math.max(0, (after.machine - before.machine - (after.ours - before.ours)) / seconds);
  };
}

async function runLighthouse(launcher: Launcher, pageUrl: string, preset: "desktop" | "mobile", serverPid: number | null): Promise<LighthouseRun> {
  const desktopConfig = (await import("lighthouse/core/config/desktop-config.js")).default;
  const chrome = await launcher.launch();
  const otherCpu = otherCpuMeter(serverPid);
  try {
    const flags = { port: chrome.port, onlyCategories: ["performance"], output: "json" as const, logLevel: "error" as const };
    const result = preset === "desktop" ? await lighthouse(pageUrl, flags, desktopConfig) : await lighthouse(pageUrl, flags);
    if (!result) throw new Error(`Lighthouse returned nothing for ${pageUrl}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse (${preset}) failed on ${pageUrl}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcp: audit("first-contentful-paint"),
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      warnings: lhr.runWarnings,
      otherCpuCores: otherCpu(),
    };
  } finally {
    await chrome.kill();
  }
}

// ---------------------------------------------------------------------------------------------

export async function runPageWeightBench({
  url,
  distDir = DEFAULT_DIST_DIR,
  article = DEFAULT_ARTICLE,
  lighthouseRuns = 1,
  skipLighthouse = false,
}: PageWeightOptions): Promise<PageWeightResult> {
  const started = performance.now();
  const base = assertLoopbackUrl(url).origin;
  if (!existsSync(path.join(projectRoot, distDir, "BUILD_ID"))) {
    console.warn(`(no build in ${distDir}: scripts cannot be matched against the build's files)`);
  }

  // Warm the ISR cache so the browser measures the cached page, as a visitor would get it.
  const routes = [
    { route: "/", article: false },
    { route: `/articles/${article}`, article: true },
    { route: "/search?q=imap", article: false },
    { route: "/contact", article: false },
    { route: "/categories/email", article: false },
  ];
  for (const { route } of routes) await (await fetch(`${base}${route}`)).arrayBuffer();

  const js = await measureFirstLoadJs(base, routes, distDir);
  const jsSeconds = (performance.now() - started) / 1000;

  const lighthouseStarted = performance.now();
  const lighthouseRows: LighthouseRow[] = [];
  let launcherKind: PageWeightResult["chromeLauncher"] = "chrome-launcher";
  if (!skipLighthouse) {
    const launcher = await chooseLauncher();
    const serverPid = pidListeningOn(Number(new URL(base).port || 80));
    launcherKind = launcher.kind;
    for (const [name, route] of [
      ["home", "/"],
      ["article", `/articles/${article}`],
    ] as const) {
      for (const preset of ["desktop", "mobile"] as const) {
        const runs = [];
        for (let i = 0; i < Math.max(1, lighthouseRuns); i++) runs.push(await runLighthouse(launcher, `${base}${route}`, preset, serverPid));
        runs.sort((a, b) => a.score - b.score);
        const median = runs[Math.floor((runs.length - 1) / 2)]!;
        const target = LIGHTHOUSE_TARGETS[preset];
        lighthouseRows.push({
          page: `${name} (${route})`,
          preset,
          score: median.score,
          target,
          meetsTarget: median.score >= target,
          fcpMs: median.fcp,
          lcpMs: median.lcp,
          tbtMs: median.tbt,
          cls: median.cls,
          allScores: runs.map((run) => run.score),
          otherCpuCores: runs.some((run) => run.otherCpuCores != null) ? Math.max(...runs.map((run) => run.otherCpuCores ?? 0)) : null,
          warnings: [...new Set(runs.flatMap((run) => run.warnings))],
        });
      }
    }
  }
  const lighthouseSeconds = (performance.now() - lighthouseStarted) / 1000;

  const result: PageWeightResult = {
    url: base,
    distDir,
    js,
    lighthouse: lighthouseRows,
    chromeLauncher: launcherKind,
    wallSeconds: (performance.now() - started) / 1000,
    jsSeconds,
    lighthouseSeconds,
  };
  printPageWeight(result);
  return result;
}

export function printPageWeight(result: PageWeightResult) {
  console.log(`\n### First-load JavaScript (${result.url}; script responses until network idle, gzip -9 here; KB = 1,024 bytes)\n`);
  console.log(
    markdownTable(
      [
        "route",
        "status",
        "scripts",
        "raw KB",
        "gzip KB",
        "of which loaded later",
        `≤ ${ARTICLE_BUDGET_KB} KB?`,
        "inline scripts gzip KB (not counted)",
        "HTML gzip KB",
      ],
      result.js.map((row) => [
        row.route,
        row.status,
        row.scripts,
        row.rawKb.toFixed(1),
        row.gzipKb.toFixed(1),
        row.laterGzipKb.toFixed(1),
        row.withinBudget == null ? "—" : row.withinBudget ? "yes" : "NO",
        row.inlineGzipKb.toFixed(1),
        row.htmlGzipKb.toFixed(1),
      ]),
    ),
  );
  const missing = result.js.flatMap((row) => row.files.filter((file) => file.inBuild === false).map((file) => file.url));
  if (missing.length)
    console.log(
      `\nWARNING: ${missing.length} script(s) are not in ${result.distDir}/static — is the server running another build? ${missing.slice(0, 3).join(", ")}`,
    );
  const blocked = result.js.flatMap((row) => row.blockedRequests);
  if (blocked.length) console.log(`\nBlocked non-loopback requests: ${[...new Set(blocked)].join(", ")}`);
  const articleRow = result.js.find((row) => row.withinBudget != null);
  if (articleRow) {
    console.log(
      `\nArticle page: ${articleRow.gzipKb.toFixed(1)} KB of JavaScript (gzip): ${articleRow.withinBudget ? "within" : "OVER"} the ${ARTICLE_BUDGET_KB} KB budget. Largest files: ` +
        articleRow.files
          .slice(0, 4)
          .map((file) => `${new URL(file.url).pathname.split("/").pop()} ${kb(file.gzipBytes).toFixed(1)} KB`)
          .join(", "),
    );
  }
  if (result.lighthouse.length) {
    console.log(
      `\n### Lighthouse 12 performance (${result.chromeLauncher}; targets: desktop ${LIGHTHOUSE_TARGETS.desktop}, mobile ≥ ${LIGHTHOUSE_TARGETS.mobile})\n`,
    );
    console.log(
      markdownTable(
        ["page", "preset", "score", "target met?", "FCP ms", "LCP ms", "TBT ms", "CLS", "other CPU"],
        result.lighthouse.map((row) => [
          row.page,
          row.preset,
          row.allScores.length > 1 ? `${row.score} (runs: ${row.allScores.join(", ")})` : row.score,
          row.meetsTarget ? `yes (${row.preset === "desktop" ? "" : "≥ "}${row.target})` : `NO (${row.target})`,
          row.fcpMs.toFixed(0),
          row.lcpMs.toFixed(0),
          row.tbtMs.toFixed(0),
          row.cls.toFixed(3),
          row.otherCpuCores == null ? "n/a" : `${row.otherCpuCores.toFixed(2)} cores`,
        ]),
      ),
    );
    console.log(
      "\nScores are medians of the runs; FCP/LCP/TBT/CLS are from the median run. Mobile uses simulated throttling (4× CPU slowdown), so CPU " +
        'taken by other processes ("other CPU": the most any run saw) lowers it.',
    );
    const warnings = [...new Set(result.lighthouse.flatMap((row) => row.warnings))];
    if (warnings.length) console.log(`\nLighthouse warnings: ${warnings.join(" | ")}`);
  }
  console.log(
    `\nWall time ${result.wallSeconds.toFixed(1)} s (JavaScript ${result.jsSeconds.toFixed(1)} s, Lighthouse ${result.lighthouseSeconds.toFixed(1)} s).`,
  );
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      "dist-dir": { type: "string", default: DEFAULT_DIST_DIR },
      article: { type: "string", default: DEFAULT_ARTICLE },
      runs: { type: "string", default: "1" },
      "skip-lighthouse": { type: "boolean", default: false },
      port: { type: "string", default: String(DEFAULT_PORT) },
      json: { type: "string" },
    },
  });
  const options = {
    distDir: values["dist-dir"],
    article: values.article,
    lighthouseRuns: Number(values.runs),
    skipLighthouse: values["skip-lighthouse"],
  };
  let result: PageWeightResult;
  if (values.url) {
    result = await runPageWeightBench({ url: values.url, ...options });
  } else {
    await prepareSite({ databaseUrl: DEFAULT_DATABASE_URL, distDir: options.distDir });
    const site = await startSite({ port: Number(values.port), databaseUrl: DEFAULT_DATABASE_URL, distDir: options.distDir });
    try {
      result = await runPageWeightBench({ url: site.url, ...options });
    } finally {
      await site.stop();
    }
  }
  if (values.json) await writeFile(values.json, JSON.stringify(result, null, 2));
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
