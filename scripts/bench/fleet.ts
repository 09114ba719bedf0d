// One instance against two behind nginx, under the same load, on one PostgreSQL and one Redis:
// an article, the /search page, /api/search and votes, requests per second and p99, each row a
// ratio against the one-instance figure measured in the same run. A third set measures the
// alternative to each instance's page cache: nginx keeping customer pages for 1 s.
//
//   BENCH_POSTGRES_URL=postgresql://…/postgres npx tsx scripts/bench/fleet.ts [--seconds 8]
//   (a server where the bench may create a throwaway database; TEST_POSTGRES_URL works too)
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { startFleet } from "../fleet";
import { isMain } from "./lib/is-main";
import { prepareSite } from "./lib/prepare-site";
import { markdownTable } from "./lib/table";

const require = createRequire(import.meta.url);
type Result = { requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number };
const autocannon = require("autocannon") as (options: Record<string, unknown>, done: (error: Error | null, result: Result) => void) => unknown;

const DIST_DIR = ".next-bench-fleet";
const TARGETS = [
  { name: "article", path: "/articles/the-difference-between-imap-and-pop" },
  { name: "/search page", path: "/search?q=dns" },
  { name: "/api/search", path: "/api/search?q=dns" },
  { name: "vote (POST /api/feedback)", path: "/api/feedback", method: "POST", body: JSON.stringify({ article: "mx-records", rating: "happy" }) },
] as const;

function load(url: string, target: (typeof TARGETS)[number], seconds: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}${target.path}`,
        method: "method" in target ? target.method : "GET",
        body: "body" in target ? target.body : undefined,
        headers: { "content-type": "application/json" },
        connections: 16,
        duration: seconds,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

export interface FleetRow {
  target: string;
  setup: string;
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  ratio: number;
}

export async function runFleetBench({ adminUrl, seconds = 8 }: { adminUrl: string; seconds?: number }): Promise<FleetRow[]> {
  const name = `helpdesk_bench_fleet_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const rows: FleetRow[] = [];
  try {
    await prepareSite({ databaseUrl, distDir: DIST_DIR });
    const setups: { setup: string; count: number; env: Record<string, string>; microcache: boolean }[] = [
      { setup: "one instance behind nginx", count: 1, env: {}, microcache: false },
      { setup: "two instances behind nginx (page caches purged over Redis)", count: 2, env: {}, microcache: false },
      { setup: "two instances, nginx keeps pages 1 s (no page cache)", count: 2, env: { PAGE_CACHE_SECONDS: "0" }, microcache: true },
    ];
    const baseline = new Map<string, number>();
    for (const { setup, count, env, microcache } of setups) {
      const fleet = await startFleet({ databaseUrl, distDir: DIST_DIR, count, basePort: 3600, env: { RATE_LIMITS: "off", ...env }, microcache });
      try {
        for (const target of TARGETS) {
          await load(fleet.nginx.url, target, 2); // warm caches and connections
          const result = await load(fleet.nginx.url, target, seconds);
          const rps = Math.round(result.requests.average);
          if (!baseline.has(target.name)) baseline.set(target.name, rps);
          rows.push({
            target: target.name,
            setup,
            requestsPerSecond: rps,
            p99Ms: result.latency.p99,
            errors: result.errors + result.non2xx,
            ratio: rps / baseline.get(target.name)!,
          });
        }
      } finally {
        await fleet.stop();
      }
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  console.log(
    markdownTable(
      ["target", "setup", "req/s", "p99 ms", "errors", "vs one instance"],
      rows.map((row) => [row.target, row.setup, row.requestsPerSecond.toLocaleString("en"), row.p99Ms, row.errors, `${Math.round(row.ratio * 100)} %`]),
    ),
  );
  return rows;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { seconds: { type: "string", default: "8" } } });
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error("Set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to a PostgreSQL server where the bench may create a database.");
  await runFleetBench({ adminUrl, seconds: Number(values.seconds) });
}
