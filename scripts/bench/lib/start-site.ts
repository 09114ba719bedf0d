// Starting a bench site as `npm start` does (scripts/start.ts: Next with the page cache in front),
// or as plain `next start`, on a loopback port; stopped by process group.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isLoopbackHost } from "./loopback";
import { projectRoot } from "./paths";
import { DEFAULT_DATABASE_URL, DEFAULT_DIST_DIR, DEFAULT_PORT, siteEnv } from "./site-env";

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
