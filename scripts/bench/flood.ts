// One client flooding the public writes: how many rows it gets into the database per minute on
// each endpoint, with the per-client limits off (RATE_LIMITS=off: what the site allowed before
// them) and on, in one run against the same build and database.
//
//   npx tsx scripts/bench/flood.ts [--seconds 60]   (prepares its own site from content/)
//
// Each endpoint is flooded for `seconds` (a full minute by default, so a limit's whole window is
// inside it); rows are counted in the database and given per minute.
import { parseArgs } from "node:util";
import { issueFormToken } from "../../lib/contact/form-token";
import { createPrismaClient, type Database } from "../../lib/db-client";
import { PUBLIC_LIMITS } from "../../lib/limits/limits";
import { isMain } from "./lib/is-main";
import { prepareSite } from "./lib/prepare-site";
import { startSite } from "./lib/start-site";
import { markdownTable } from "./lib/table";

const DATABASE_URL = "file:./data/bench-flood.db";
const DIST_DIR = ".next-bench-flood";
const CONCURRENCY = 8;
const ARTICLE = "mx-records";

interface Endpoint {
  name: string;
  limit: string;
  /** Rows the endpoint writes, counted in the database. */
  rows(db: Database): Promise<number>;
  /** One request as the flooding client sends it: no cookies kept, so each vote is a "new visitor". */
  send(url: string, db: Database): Promise<Response>;
}

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const perAddress = ({ points, seconds }: { points: number; seconds: number }) =>
  `${points} per ${seconds >= 120 ? `${seconds / 60} min` : seconds === 60 ? "minute" : `${seconds} s`} per address`;

const endpoints: Endpoint[] = [
  {
    name: "votes (POST /api/feedback)",
    limit: perAddress(PUBLIC_LIMITS.vote.address),
    rows: (db) => db.feedback.count(),
    send: (url) => fetch(`${url}/api/feedback`, json({ article: ARTICLE, rating: "sad" })),
  },
  {
    name: "views (POST /api/views)",
    limit: "1 per client, article and day",
    rows: async (db) => (await db.articleViewDay.aggregate({ _sum: { count: true } }))._sum.count ?? 0,
    send: (url) => fetch(`${url}/api/views`, json({ article: ARTICLE })),
  },
  {
    name: "contact requests (POST /api/contact)",
    limit: perAddress(PUBLIC_LIMITS.contact.address),
    rows: (db) => db.contactRequest.count(),
    // A patient script: it loaded the form a minute ago, so its token is valid.
    send: async (url, db) =>
      fetch(
        `${url}/api/contact`,
        json({
          name: "Flood",
          email: "flood@example.com",
          message: "Buy cheap followers today, friend.",
          formToken: await issueFormToken({ db }, Date.now() - 60_000),
        }),
      ),
  },
  {
    name: "search events (POST /api/search-events)",
    limit: perAddress(PUBLIC_LIMITS.search.address),
    rows: (db) => db.searchEvent.count(),
    send: (url) => fetch(`${url}/api/search-events`, json({ query: `flood ${Math.random()}`, resultCount: 0 })),
  },
];

/** Sends as fast as CONCURRENCY connections allow for `seconds`; returns the responses by status. */
async function flood(endpoint: Endpoint, url: string, db: Database, seconds: number) {
  const statuses = new Map<number, number>();
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const answer = await endpoint.send(url, db).catch(() => null);
        await answer?.arrayBuffer();
        const status = answer?.status ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

export interface FloodRow {
  endpoint: string;
  limit: string;
  rowsPerMinuteWithout: number;
  rowsPerMinuteWith: number;
  refusedWith: number;
}

export async function runFloodBench({ seconds = 60 }: { seconds?: number } = {}): Promise<FloodRow[]> {
  await prepareSite({ databaseUrl: DATABASE_URL, distDir: DIST_DIR });
  const db = createPrismaClient(DATABASE_URL);
  const rows: FloodRow[] = [];
  try {
    const measured = new Map<string, { without: number; with: number; refused: number }>();
    for (const limits of ["off", "on"] as const) {
      const site = await startSite({ port: 3495, databaseUrl: DATABASE_URL, distDir: DIST_DIR, env: { RATE_LIMITS: limits } });
      try {
        for (const endpoint of endpoints) {
          const before = await endpoint.rows(db);
          const statuses = await flood(endpoint, site.url, db, seconds);
          const written = ((await endpoint.rows(db)) - before) * (60 / seconds);
          const entry = measured.get(endpoint.name) ?? { without: 0, with: 0, refused: 0 };
          if (limits === "off") entry.without = written;
          else {
            entry.with = written;
            entry.refused = statuses.get(429) ?? 0;
          }
          measured.set(endpoint.name, entry);
        }
      } finally {
        await site.stop();
      }
    }
    for (const endpoint of endpoints) {
      const entry = measured.get(endpoint.name)!;
      rows.push({
        endpoint: endpoint.name,
        limit: endpoint.limit,
        rowsPerMinuteWithout: Math.round(entry.without),
        rowsPerMinuteWith: Math.round(entry.with),
        refusedWith: entry.refused,
      });
    }
  } finally {
    await db.$disconnect();
  }
  console.log(
    markdownTable(
      ["endpoint", "rows one client writes per minute, limits off", "with limits", "requests refused (429)", "limit"],
      rows.map((row) => [
        row.endpoint,
        row.rowsPerMinuteWithout.toLocaleString("en"),
        row.rowsPerMinuteWith.toLocaleString("en"),
        row.refusedWith.toLocaleString("en"),
        row.limit,
      ]),
    ),
  );
  return rows;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { seconds: { type: "string", default: "60" } } });
  runFloodBench({ seconds: Number(values.seconds) }).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
