// Benchmark helpers: prepare the site (migrate, import, build — each step timed, the build's peak
// memory measured) and start it as `npm start` does (scripts/start.ts: Next with the page cache in
// front) on a loopback port, stopped by process group.
//
//   npx tsx scripts/bench/server.ts prepare [--database-url file:./data/bench.db] [--dist-dir .next-bench] [--content-dir content]
//   npx tsx scripts/bench/server.ts start [--port 3400] [--database-url …] [--dist-dir …]   (Ctrl-C stops it)
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync, readlinkSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** The project root: every command runs there, so relative DATABASE_URLs mean the same thing. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const DEFAULT_DATABASE_URL = "file:./data/bench.db";
export const DEFAULT_DIST_DIR = ".next-bench";
export const DEFAULT_PORT = 3400;

const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

// ---------------------------------------------------------------------------------------------
// Small shared helpers (the other bench modules use these too)

export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map((cell) => String(cell).replace(/\|/g, "\\|")));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? "").length), 3));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 3)).join(" | ")} |`;
  return [line(headers), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...cells.map(line)].join("\n");
}

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts a benchmark here may send load to. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

export function assertLoopbackUrl(url: string): URL {
  const parsed = new URL(url);
  if (!isLoopbackHost(parsed.hostname)) {
    throw new Error(`Refusing to benchmark ${parsed.host}: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed.`);
  }
  return parsed;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function isMain(metaUrl: string): boolean {
  return Boolean(process.argv[1]) && path.resolve(process.argv[1]!) === fileURLToPath(metaUrl);
}

const fmtSeconds = (ms: number) => (ms / 1000).toFixed(1);
const fmtMb = (kb: number | null) => (kb == null ? "n/a" : (kb / 1024).toFixed(0));


// ---------------------------------------------------------------------------------------------
// CPU accounting and ports (Linux /proc)

/** Busy CPU seconds of the whole machine so far, from /proc/stat. */
export function machineBusySeconds(): number | null {
  try {
    const cols = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cols;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) of a process and all its descendants, living or reaped, from /proc. */
export function treeCpuSeconds(rootPid: number): number | null {
  const ticks = 100; // USER_HZ on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>();
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const name of entries) {
    try {
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      // fields[0] is state (field 3); ppid is field 4, utime 14, stime 15, and cutime 16, cstime 17:
      // the CPU of children already reaped (Chromium's short-lived renderers, build workers).
      const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
      stats.set(Number(name), { ppid: Number(fields[1]), cpu: (utime! + stime! + cutime! + cstime!) / ticks });
    } catch {
      // exited meanwhile
    }
  }
  if (!stats.has(rootPid)) return null;
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += stats.get(pid)?.cpu ?? 0;
    for (const [child, info] of stats) if (info.ppid === pid) stack.push(child);
  }
  return total;
}

/** The pid listening on a loopback TCP port, from /proc/net/tcp{,6} and /proc/<pid>/fd. */
export function pidListeningOn(port: number): number | null {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    try {
      for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 10) continue;
        const localPort = parseInt(cols[1]!.split(":")[1]!, 16);
        if (localPort === port && cols[3] === "0A") inodes.add(cols[9]!);
      }
    } catch {
      // no such table
    }
  }
  if (inodes.size === 0) return null;
  for (const name of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      for (const fd of readdirSync(`/proc/${name}/fd`)) {
        let link = "";
        try {
          link = readlinkSync(`/proc/${name}/fd/${fd}`);
        } catch {
          // closed meanwhile
        }
        const match = link.match(/^socket:\[(\d+)\]$/);
        if (match && inodes.has(match[1]!)) return Number(name);
      }
    } catch {
      // not ours to read, or gone
    }
  }
  return null;
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) if (await portIsFree(port)) return port;
  throw new Error(`No free port in ${from}–${to}.`);
}

// ---------------------------------------------------------------------------------------------
// Process-tree memory, by polling ps

interface PsRow {
  pid: number;
  ppid: number;
  rssKb: number;
}

async function psTable(): Promise<PsRow[]> {
  const { stdout } = await execFileAsync("ps", ["-e", "-o", "pid=,ppid=,rss="]);
  return stdout
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((cols) => cols.length === 3 && cols.every(Number.isFinite))
    .map(([pid, ppid, rssKb]) => ({ pid: pid!, ppid: ppid!, rssKb: rssKb! }));
}

/** Sum and max RSS of a process and all its descendants. */
export async function treeRss(rootPid: number): Promise<{ sumKb: number; maxKb: number }> {
  const rows = await psTable();
  const children = new Map<number, PsRow[]>();
  for (const row of rows) children.set(row.ppid, [...(children.get(row.ppid) ?? []), row]);
  let sumKb = 0;
  let maxKb = 0;
  const root = rows.find((row) => row.pid === rootPid);
  const stack = root ? [root] : [];
  while (stack.length) {
    const row = stack.pop()!;
    sumKb += row.rssKb;
    maxKb = Math.max(maxKb, row.rssKb);
    stack.push(...(children.get(row.pid) ?? []));
  }
  return { sumKb, maxKb };
}

function pollTreeRss(rootPid: number, everyMs = 250) {
  let peakSumKb = 0;
  let peakMaxKb = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    treeRss(rootPid)
      .then(({ sumKb, maxKb }) => {
        peakSumKb = Math.max(peakSumKb, sumKb);
        peakMaxKb = Math.max(peakMaxKb, maxKb);
      })
      .catch(() => {})
      .finally(() => (busy = false));
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakSumKb, peakMaxKb };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Running one command, output kept for the error message

interface RunResult {
  ms: number;
  output: string;
  peak: { peakSumKb: number; peakMaxKb: number };
}

function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv, { echo = false } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    const poll = pollTreeRss(child.pid!);
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
      if (echo) process.stderr.write(chunk);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    child.on("error", (error) => {
      poll.stop();
      reject(error);
    });
    child.on("close", (code, signal) => {
      const ms = performance.now() - started;
      const peak = poll.stop();
      if (code === 0) resolve({ ms, output, peak });
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${output.slice(-4000)}`));
    });
  });
}

function siteEnv(databaseUrl: string, distDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", ...extra } as NodeJS.ProcessEnv;
}

// `next build` appends "<distDir>/types/**/*.ts" and "<distDir>/dev/types/**/*.ts" to tsconfig.json's
// include when they are missing. A benchmark build must leave the project's files as it found
// them, so that one change (and only that one) is undone afterwards.
async function snapshotTsconfig(): Promise<string | null> {
  try {
    return await readFile(path.join(projectRoot, "tsconfig.json"), "utf8");
  } catch {
    return null;
  }
}

async function undoTsconfigIncludes(before: string | null, distDir: string): Promise<boolean> {
  if (before == null) return false;
  const file = path.join(projectRoot, "tsconfig.json");
  const after = await readFile(file, "utf8");
  if (after === before) return false;
  try {
    const added = new Set([`${distDir}/types/**/*.ts`, `${distDir}/dev/types/**/*.ts`]);
    const a = JSON.parse(after) as { include?: unknown[] };
    const b = JSON.parse(before) as { include?: unknown[] };
    if (Array.isArray(a.include)) a.include = a.include.filter((item) => !added.has(String(item)));
    if (JSON.stringify(a) !== JSON.stringify(b)) return false; // someone else changed it: leave it
    await writeFile(file, before);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// prepareSite

export interface PrepareOptions {
  databaseUrl?: string;
  distDir?: string;
  /** Passed to scripts/content-import.ts as --dir; its default (./content) otherwise. */
  contentDir?: string;
  /** Stream the commands' output to stderr as they run. */
  verbose?: boolean;
}

export interface PrepareStep {
  step: "migrate" | "import" | "build";
  seconds: number;
  /** The largest single process's peak RSS (GNU time's "Maximum resident set size"), build only. */
  peakRssMb: number | null;
  /** Peak of the summed RSS of the whole process tree, polled with ps every 250 ms. */
  peakTreeRssMb: number | null;
  note: string;
}

export interface PrepareResult {
  databaseUrl: string;
  distDir: string;
  contentDir: string | null;
  steps: PrepareStep[];
  totalSeconds: number;
  /** How peakRssMb of the build was measured. */
  rssMethod: "/usr/bin/time -v" | "ps polling";
}

export async function prepareSite({
  databaseUrl = DEFAULT_DATABASE_URL,
  distDir = DEFAULT_DIST_DIR,
  contentDir,
  verbose = false,
}: PrepareOptions = {}): Promise<PrepareResult> {
  const env = siteEnv(databaseUrl, distDir);
  const steps: PrepareStep[] = [];
  const started = performance.now();

  const migrate = await runCommand(bin("prisma"), ["migrate", "deploy"], env, { echo: verbose });
  const applied = migrate.output.match(/(\d+) migrations? found|No pending migrations to apply|applied/i)?.[0] ?? "";
  steps.push({ step: "migrate", seconds: migrate.ms / 1000, peakRssMb: null, peakTreeRssMb: migrate.peak.peakSumKb / 1024, note: applied });

  const importArgs = [path.join("scripts", "content-import.ts"), ...(contentDir ? ["--dir", contentDir] : [])];
  const imported = await runCommand(bin("tsx"), importArgs, env, { echo: verbose });
  steps.push({
    step: "import",
    seconds: imported.ms / 1000,
    peakRssMb: null,
    peakTreeRssMb: imported.peak.peakSumKb / 1024,
    note: imported.output.match(/Imported .*/)?.[0] ?? "",
  });

  // The build: under GNU time when it is there (its max RSS is the largest single process of the
  // tree, next build's workers included), and always polled with ps for the tree's total.
  const haveTime = existsSync("/usr/bin/time");
  let timeFile: string | null = null;
  let build: RunResult;
  const tsconfigBefore = await snapshotTsconfig();
  try {
    if (haveTime) {
      const dir = await mkdtemp(path.join(tmpdir(), "bench-build-"));
      timeFile = path.join(dir, "time.txt");
      build = await runCommand("/usr/bin/time", ["-v", "-o", timeFile, bin("next"), "build"], env, { echo: verbose });
    } else {
      build = await runCommand(bin("next"), ["build"], env, { echo: verbose });
    }
  } finally {
    if (await undoTsconfigIncludes(tsconfigBefore, distDir)) {
      console.error(`(undid next build's addition of ${distDir}/types to tsconfig.json's include)`);
    }
  }
  let peakRssKb: number | null = build.peak.peakMaxKb || null;
  if (timeFile) {
    const report = await readFile(timeFile, "utf8");
    const match = report.match(/Maximum resident set size \(kbytes\):\s*(\d+)/);
    if (match) peakRssKb = Number(match[1]);
    await rm(path.dirname(timeFile), { recursive: true, force: true });
  }
  const routes = build.output.match(/^[┌├└]\s/gm)?.length ?? 0;
  steps.push({
    step: "build",
    seconds: build.ms / 1000,
    peakRssMb: peakRssKb == null ? null : peakRssKb / 1024,
    peakTreeRssMb: build.peak.peakSumKb / 1024,
    note: routes ? `${routes} routes` : "",
  });

  const result: PrepareResult = {
    databaseUrl,
    distDir,
    contentDir: contentDir ?? null,
    steps,
    totalSeconds: (performance.now() - started) / 1000,
    rssMethod: haveTime ? "/usr/bin/time -v" : "ps polling",
  };
  printPrepare(result);
  return result;
}

export function printPrepare(result: PrepareResult) {
  console.log(
    `\n### Site preparation (${result.databaseUrl}, ${result.distDir}${result.contentDir ? `, content ${result.contentDir}` : ""})\n`,
  );
  console.log(
    markdownTable(
      ["step", "seconds", "peak RSS, largest process (MB)", "peak RSS, process tree (MB)", "note"],
      result.steps.map((s) => [
        s.step,
        s.seconds.toFixed(1),
        s.peakRssMb == null ? "—" : fmtMb(s.peakRssMb * 1024),
        s.peakTreeRssMb == null ? "—" : fmtMb(s.peakTreeRssMb * 1024),
        s.note,
      ]),
    ),
  );
  console.log(`\nTotal ${fmtSeconds(result.totalSeconds * 1000)} s. Build RSS (largest process) measured with ${result.rssMethod}; tree totals by polling ps every 250 ms.`);
}

// ---------------------------------------------------------------------------------------------
// startSite

export interface StartOptions {
  port?: number;
  databaseUrl?: string;
  distDir?: string;
  /** Loopback address to bind; 127.0.0.1 unless told. */
  host?: string;
  readyTimeoutMs?: number;
  verbose?: boolean;
  /** Extra environment, e.g. PAGE_CACHE_SECONDS=0 for Next without the page cache. */
  env?: Record<string, string>;
  /** Plain `next start` instead of `npm start` (no page cache, no /api/search front). */
  plainNext?: boolean;
}

export interface RunningSite {
  url: string;
  /** The server process (leader of its own process group). */
  pid: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid == null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

// A crashed or interrupted bench must not leave the server behind.
process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

export async function startSite({
  port = DEFAULT_PORT,
  databaseUrl = DEFAULT_DATABASE_URL,
  distDir = DEFAULT_DIST_DIR,
  host = "127.0.0.1",
  readyTimeoutMs = 60_000,
  verbose = false,
  env = {},
  plainNext = false,
}: StartOptions = {}): Promise<RunningSite> {
  if (!isLoopbackHost(host)) throw new Error(`startSite binds loopback only, not ${host}.`);
  if (!existsSync(path.join(projectRoot, distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}: run prepareSite (npx tsx scripts/bench/server.ts prepare) first.`);
  }
  const command = plainNext ? [path.join("node_modules", "next", "dist", "bin", "next"), "start"] : ["--import", "tsx", "scripts/start.ts"];
  const child = spawn(process.execPath, [...command, "-p", String(port), "-H", host], {
    cwd: projectRoot,
    env: siteEnv(databaseUrl, distDir, { NODE_ENV: "production", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stop() reaches every process it starts
  });
  running.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (verbose) process.stderr.write(chunk);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited: string | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      exited = signal ?? `exit ${code}`;
      running.delete(child);
      resolve();
    });
  });

  const stop = async () => {
    if (exited) return;
    killGroup(child, "SIGTERM");
    const done = await Promise.race([exitPromise.then(() => true), sleep(5000).then(() => false)]);
    if (!done) {
      killGroup(child, "SIGKILL");
      await exitPromise;
    }
    // Stragglers of the group (workers) get the same signal.
    killGroup(child, "SIGKILL");
  };

  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The server exited (${exited}) before it was ready:\n${output.slice(-4000)}`);
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status === 200) return { url, pid: child.pid!, stop };
      lastProblem = `GET / answered ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`The server was not ready within ${readyTimeoutMs / 1000} s (${lastProblem}):\n${output.slice(-4000)}`);
}

// ---------------------------------------------------------------------------------------------
// CLI

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "database-url": { type: "string", default: DEFAULT_DATABASE_URL },
      "dist-dir": { type: "string", default: DEFAULT_DIST_DIR },
      "content-dir": { type: "string" },
      port: { type: "string", default: String(DEFAULT_PORT) },
      verbose: { type: "boolean", default: false },
    },
  });
  const command = positionals[0] ?? "prepare";
  const common = { databaseUrl: values["database-url"], distDir: values["dist-dir"], verbose: values.verbose };
  if (command === "prepare") {
    await prepareSite({ ...common, contentDir: values["content-dir"] });
  } else if (command === "start") {
    const site = await startSite({ ...common, port: Number(values.port) });
    console.log(`Site ready at ${site.url} (pid ${site.pid}); Ctrl-C stops it.`);
    const shutdown = () => void site.stop().then(() => process.exit(0));
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  } else {
    console.error("usage: server.ts prepare|start [--database-url URL] [--dist-dir DIR] [--content-dir DIR] [--port N] [--verbose]");
    process.exitCode = 2;
  }
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
