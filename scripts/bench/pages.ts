// Throughput and latency of the site's pages under load, against a plain static file server
// serving the same article HTML, measured in the same run.
//
//   npx tsx scripts/bench/pages.ts --url http://127.0.0.1:3400 [--seconds 8] [--connections 16]
//   npx tsx scripts/bench/pages.ts            (prepares .next-bench + data/bench.db, starts the site on 3400,
//                                              and on 3401 with the page cache off for comparison)
//
// Loopback only; every run is bounded in time. Each request is a fresh visitor (no cookie is
// ever sent). The static server runs in its own process so it never shares an event loop with
// autocannon, and reads the file from disk on every request.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { isMain } from "./lib/is-main";
import { assertLoopbackUrl } from "./lib/loopback";
import { freePort, pidListeningOn } from "./lib/ports";
import { prepareSite } from "./lib/prepare-site";
import { machineBusySeconds, treeCpuSeconds } from "./lib/process";
import { DEFAULT_DATABASE_URL, DEFAULT_DIST_DIR, DEFAULT_PORT } from "./lib/site-env";
import { startSite } from "./lib/start-site";
import { markdownTable } from "./lib/table";

// autocannon ships no types; the part of its API used here.
interface AutocannonLatency {
  average: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: AutocannonLatency;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonInstance {
  on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  on(event: "done", listener: (result: AutocannonResult) => void): void;
  stop(): void;
}
type Autocannon = (
  options: {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections: number;
    duration: number;
    timeout?: number;
  },
  callback: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

const require = createRequire(import.meta.url);
const autocannon = require("autocannon") as Autocannon;

const DEFAULT_ARTICLE = "the-difference-between-imap-and-pop";
const FEEDBACK_BODY = { article: "mx-records", rating: "happy" } as const;

export interface PagesBenchOptions {
  url: string;
  seconds?: number;
  connections?: number;
  article?: string;
  /** Port for the static baseline server; the first free one from 3450 upwards otherwise. */
  staticPort?: number;
  /** pid of the server process, to report its CPU use; looked up from the port when omitted. */
  serverPid?: number;
  /** The same site with the page cache off (PAGE_CACHE_SECONDS=0): adds a row for the article there. */
  uncached?: { url: string; pid?: number };
  /** The same build under plain `next start`: adds a row for /api/search answered by its route handler. */
  plainNext?: { url: string; pid?: number };
}

export interface PagesRow {
  target: string;
  method: "GET" | "POST";
  path: string;
  requestsPerSec: number;
  totalRequests: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  /** autocannon's own histogram, for comparison (integer-millisecond buckets). */
  autocannonLatencyMs: AutocannonLatency;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** This target's requests/s over the static server's. */
  ratioToStatic: number;
  /** Only for the article target: whether it reaches 50 % of the static server. */
  meetsHalfOfStatic: boolean | null;
  /** CPU used by the server under test during the run, in cores (1.0 = one core busy). */
  serverCpuCores: number | null;
  /** CPU used by this process (autocannon) during the run, in cores. */
  clientCpuCores: number;
  /** CPU used by everything else on the machine during the run, in cores (noise). */
  otherCpuCores: number | null;
  responseBytes: number;
  /** The machine's 1-minute load average just before the run (other work on it skews results). */
  loadavgBefore: number;
}

export interface PagesBenchResult {
  url: string;
  seconds: number;
  connections: number;
  article: string;
  rows: PagesRow[];
  wallSeconds: number;
}

// ---------------------------------------------------------------------------------------------

interface Target {
  target: string;
  method: "GET" | "POST";
  base: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  pid: number | null;
}

const loadavg1 = () => loadavg()[0] ?? 0;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1; // nearest rank
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

// The baseline: node:http, one process, the file read from disk on each request.
const STATIC_SERVER_SOURCE = `
const http = require("node:http");
const fs = require("node:fs");
const [port, file] = process.argv.slice(-2);
const server = http.createServer((req, res) => {
  fs.stat(file, (error, stat) => {
    if (error) { res.writeHead(500); res.end(); return; }
    res.writeHead(200, { "Content-Type": "text/html", "Content-Length": stat.size });
    fs.createReadStream(file).pipe(res);
  });
});
server.listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\\n"));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
`;

async function startStaticServer(file: string, port: number): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["-e", STATIC_SERVER_SOURCE, String(port), file], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("static server did not start within 10 s")), 10_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`static server exited (${code}) before it was ready`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      child.stdin!.end();
      await Promise.race([exited, sleep(2000)]);
      if (child.exitCode == null) child.kill("SIGKILL");
    },
  };
}

async function request(target: Target): Promise<{ status: number; text: string }> {
  const response = await fetch(`${target.base}${target.path}`, {
    method: target.method,
    headers: target.headers,
    body: target.body,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

interface Measured {
  result: AutocannonResult;
  samples: Float64Array;
  responseBytes: number;
  serverCpuCores: number | null;
  clientCpuCores: number;
  otherCpuCores: number | null;
}

function measure(target: Target, seconds: number, connections: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    let samples = new Float64Array(1 << 16);
    let count = 0;
    let responseBytes = 0;
    const serverCpuBefore = target.pid == null ? null : treeCpuSeconds(target.pid);
    const clientCpuBefore = process.cpuUsage();
    const machineBefore = machineBusySeconds();
    const started = performance.now();
    const instance = autocannon(
      {
        url: `${target.base}${target.path}`,
        method: target.method,
        headers: target.headers,
        body: target.body,
        connections,
        duration: seconds,
        timeout: 10,
      },
      (error, result) => {
        if (error) return reject(error);
        const elapsed = (performance.now() - started) / 1000;
        const serverCpuAfter = target.pid == null ? null : treeCpuSeconds(target.pid);
        const client = process.cpuUsage(clientCpuBefore);
        const machineAfter = machineBusySeconds();
        const serverCpuCores = serverCpuBefore == null || serverCpuAfter == null ? null : (serverCpuAfter - serverCpuBefore) / elapsed;
        const clientCpuCores = (client.user + client.system) / 1e6 / elapsed;
        resolve({
          result,
          samples: samples.slice(0, count).sort(),
          responseBytes,
          serverCpuCores,
          clientCpuCores,
          otherCpuCores:
            machineBefore == null || machineAfter == null || serverCpuCores == null
              ? null
              : Math.max(0, (machineAfter - machineBefore) / elapsed - serverCpuCores - clientCpuCores),
        });
      },
    );
    instance.on("response", (_client, _status, resBytes, responseTime) => {
      if (count === samples.length) {
        const bigger = new Float64Array(samples.length * 2);
        bigger.set(samples);
        samples = bigger;
      }
      samples[count++] = responseTime;
      responseBytes = resBytes;
    });
  });
}

// ---------------------------------------------------------------------------------------------

/** The instant search's request once the index is too big for the browser (answered in front of Next by npm start). */
const API_SEARCH_PATH = "/api/search?q=imap&limit=8";

export async function runPagesBench({
  url,
  seconds = 8,
  connections = 16,
  article = DEFAULT_ARTICLE,
  staticPort,
  serverPid,
  uncached,
  plainNext,
}: PagesBenchOptions): Promise<PagesBenchResult> {
  const wallStarted = performance.now();
  const site = assertLoopbackUrl(url);
  const base = site.origin;
  const pid = serverPid ?? pidListeningOn(Number(site.port || 80));

  const siteTargets: Target[] = [
    { target: "home", method: "GET", base, path: "/", pid },
    { target: "article", method: "GET", base, path: `/articles/${article}`, pid },
    { target: "search", method: "GET", base, path: "/search?q=imap", pid },
    { target: "api search", method: "GET", base, path: API_SEARCH_PATH, pid },
    {
      target: "feedback",
      method: "POST",
      base,
      path: "/api/feedback",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(FEEDBACK_BODY),
      pid,
    },
  ];

  if (plainNext) {
    const plain = assertLoopbackUrl(plainNext.url);
    const plainPid = plainNext.pid ?? pidListeningOn(Number(plain.port || 80));
    const at = siteTargets.findIndex((t) => t.target === "api search") + 1;
    siteTargets.splice(at, 0, { target: "api search, next start", method: "GET", base: plain.origin, path: API_SEARCH_PATH, pid: plainPid });
  }

  if (uncached) {
    const plain = assertLoopbackUrl(uncached.url);
    const plainPid = uncached.pid ?? pidListeningOn(Number(plain.port || 80));
    siteTargets.splice(2, 0, { target: "article, page cache off", method: "GET", base: plain.origin, path: `/articles/${article}`, pid: plainPid });
  }

  // Warm every target once (ISR cache filled, route modules loaded); a failure stops the bench.
  let articleHtml = "";
  for (const target of siteTargets) {
    const { status, text } = await request(target);
    if (status < 200 || status >= 300) throw new Error(`Warm-up ${target.method} ${target.path} answered ${status}: ${text.slice(0, 300)}`);
    if (target.target === "article") articleHtml = text;
  }

  const dir = await mkdtemp(path.join(tmpdir(), "bench-static-"));
  const htmlFile = path.join(dir, "article.html");
  await writeFile(htmlFile, articleHtml);
  const port = staticPort ?? (await freePort(3450, 3499));
  const staticServer = await startStaticServer(htmlFile, port);

  try {
    const staticTarget: Target = { target: "static (node:http)", method: "GET", base: staticServer.url, path: `/articles/${article}`, pid: staticServer.pid };
    const warm = await request(staticTarget);
    if (warm.status !== 200 || warm.text !== articleHtml) throw new Error("The static server did not serve the article's HTML.");

    // Between targets, wait until the previous target's abandoned in-flight requests have
    // drained: a probe of the next target must come back before its run starts, or a slow
    // target's backlog would be charged to the next one.
    const measured: { target: Target; m: Measured; loadavg: number }[] = [];
    for (const target of [staticTarget, ...siteTargets]) {
      await sleep(500);
      await request(target);
      const loadavg = loadavg1();
      measured.push({ target, m: await measure(target, seconds, connections), loadavg });
    }

    const staticRps = measured[0]!.m.result.requests.average;
    const rows: PagesRow[] = measured.map(({ target, m, loadavg }) => {
      const { result, samples } = m;
      const ratio = staticRps > 0 ? result.requests.average / staticRps : NaN;
      const mean = samples.length ? samples.reduce((sum, v) => sum + v, 0) / samples.length : NaN;
      return {
        target: target.target,
        method: target.method,
        path: target.path,
        requestsPerSec: result.requests.average,
        totalRequests: result.requests.total,
        latencyMs: {
          p50: percentile(samples, 50),
          p95: percentile(samples, 95),
          p99: percentile(samples, 99),
          mean,
          max: samples.length ? samples[samples.length - 1]! : NaN,
        },
        autocannonLatencyMs: {
          average: result.latency.average,
          p50: result.latency.p50,
          p90: result.latency.p90,
          p97_5: result.latency.p97_5,
          p99: result.latency.p99,
          max: result.latency.max,
        },
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
        ratioToStatic: ratio,
        meetsHalfOfStatic: target.target === "article" ? ratio >= 0.5 : null,
        serverCpuCores: m.serverCpuCores,
        clientCpuCores: m.clientCpuCores,
        otherCpuCores: m.otherCpuCores,
        responseBytes: m.responseBytes,
        loadavgBefore: loadavg,
      };
    });

    const result: PagesBenchResult = { url: base, seconds, connections, article, rows, wallSeconds: (performance.now() - wallStarted) / 1000 };
    printPages(result);
    return result;
  } finally {
    await staticServer.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "n/a");

function printPages(result: PagesBenchResult) {
  console.log(`\n### Pages under load (${result.url}, ${result.connections} connections, ${result.seconds} s per target, fresh visitor per request)\n`);
  console.log(
    markdownTable(
      ["target", "request", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors+non-2xx", "vs static", "server CPU", "bench CPU", "other CPU", "bytes/response"],
      result.rows.map((row) => [
        row.target,
        `${row.method} ${row.path}`,
        row.requestsPerSec.toFixed(0),
        ms(row.latencyMs.p50),
        ms(row.latencyMs.p95),
        ms(row.latencyMs.p99),
        row.errors + row.non2xx,
        `${(row.ratioToStatic * 100).toFixed(1)} %${row.meetsHalfOfStatic == null ? "" : row.meetsHalfOfStatic ? " (≥ 50 %: yes)" : " (≥ 50 %: NO)"}`,
        row.serverCpuCores == null ? "n/a" : `${row.serverCpuCores.toFixed(2)} cores`,
        `${row.clientCpuCores.toFixed(2)} cores`,
        row.otherCpuCores == null ? "n/a" : `${row.otherCpuCores.toFixed(2)} cores`,
        row.responseBytes,
      ]),
    ),
  );
  const article = result.rows.find((row) => row.target === "article");
  if (article) {
    console.log(
      `\nArticle: ${article.requestsPerSec.toFixed(0)} req/s = ${(article.ratioToStatic * 100).toFixed(1)} % of the static server's ` +
        `${result.rows[0]!.requestsPerSec.toFixed(0)} req/s: ${article.meetsHalfOfStatic ? "meets" : "does NOT meet"} the ≥ 50 % target.`,
    );
  }
  const busiest = Math.max(...result.rows.map((row) => row.otherCpuCores ?? 0));
  const cores = availableParallelism();
  console.log(
    `Machine: ${cores} cores; 1-min load average before each run: ${result.rows.map((row) => row.loadavgBefore.toFixed(1)).join(", ")}. ` +
      `"other CPU" is what the rest of the machine used during each run` +
      (busiest > 0.25 ? ` — up to ${busiest.toFixed(2)} cores: other work competed for the CPU, so absolute numbers are low.` : "."),
  );
  console.log(
    "Latency percentiles are exact (nearest rank) over every response's time as autocannon reports it; " +
      "req/s is autocannon's per-second average. CPU is cores busy during the run (/proc). " +
      `Wall time ${result.wallSeconds.toFixed(1)} s.`,
  );
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      seconds: { type: "string", default: "8" },
      connections: { type: "string", default: "16" },
      article: { type: "string", default: DEFAULT_ARTICLE },
      port: { type: "string", default: String(DEFAULT_PORT) },
      json: { type: "string" },
    },
  });
  const options = { seconds: Number(values.seconds), connections: Number(values.connections), article: values.article };
  let result: PagesBenchResult;
  if (values.url) {
    result = await runPagesBench({ url: values.url, ...options });
  } else {
    await prepareSite({ databaseUrl: DEFAULT_DATABASE_URL, distDir: DEFAULT_DIST_DIR });
    const site = await startSite({ port: Number(values.port), databaseUrl: DEFAULT_DATABASE_URL, distDir: DEFAULT_DIST_DIR });
    const plain = await startSite({
      port: Number(values.port) + 1,
      databaseUrl: DEFAULT_DATABASE_URL,
      distDir: DEFAULT_DIST_DIR,
      env: { PAGE_CACHE_SECONDS: "0" },
    });
    try {
      result = await runPagesBench({ url: site.url, serverPid: site.pid, uncached: { url: plain.url, pid: plain.pid }, ...options });
    } finally {
      await Promise.all([site.stop(), plain.stop()]);
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
