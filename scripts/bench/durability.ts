// npm run bench -- --only durability: what the site holds on to under load and when things go wrong.
//   a. Votes under load (real HTTP against `npm start`): 10,000 votes from 500 visitors over 50
//      connections, vote changes included, on SQLite and on PostgreSQL. The stored counts must
//      equal the acknowledged answers; 5xx, "database is locked" and timeouts are counted.
//   b. A crash: the server killed with SIGKILL in the middle of that load and started again; every
//      vote it acknowledged is looked for.
//   c. What SQLite's synchronous setting costs per commit (NORMAL against FULL, the one chosen).
//   d. npm run db:backup / db:restore times at 10,000 articles and 100,000 votes, on both databases.
// PostgreSQL parts run when BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) names a server on which a
// database may be created.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { customerVisible } from "../../lib/articles/visibility";
import { describeCounts, formatBytes } from "../../lib/backup/common";
import { backupPostgres, restorePostgres } from "../../lib/backup/postgresql";
import { backupSqlite, restoreSqlite } from "../../lib/backup/sqlite";
import { createPrismaClient, type Database as PrismaDatabase } from "../../lib/db-client";
import { generateCorpus, writeCorpusLibrary } from "./corpus";
import { projectRoot } from "./lib/paths";
import { prepareSite } from "./lib/prepare-site";
import { startSite, type RunningSite } from "./lib/start-site";
import { markdownTable } from "./lib/table";
import { acknowledgedTally, LOAD_TEST_SERVER_ENV, lostAcknowledgedVotes, planVotes, runVoteSoak, type SoakResult, storedTally } from "./vote-soak";

const execFileAsync = promisify(execFile);

export interface DurabilityOptions {
  quick: boolean;
  postgresServerUrl?: string;
}

type Provider = "SQLite" | "PostgreSQL";

async function onPostgres(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function postgresDatabaseUrl(serverUrl: string, name: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database of `name`: a SQLite file in data/, or a PostgreSQL database; migrated, with `contentDir` imported. */
async function freshDatabase(provider: Provider, name: string, postgresServerUrl: string | undefined, contentDir?: string): Promise<string> {
  let databaseUrl: string;
  if (provider === "SQLite") {
    databaseUrl = `file:./data/${name}.db`;
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(projectRoot, `data/${name}.db${suffix}`), { force: true });
  } else {
    await onPostgres(postgresServerUrl!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await onPostgres(postgresServerUrl!, `CREATE DATABASE "${name}"`);
    databaseUrl = postgresDatabaseUrl(postgresServerUrl!, name);
  }
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  await execFileAsync(path.join(projectRoot, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: projectRoot, env });
  if (contentDir !== undefined) {
    await execFileAsync(path.join(projectRoot, "node_modules/.bin/tsx"), ["scripts/content-import.ts", ...(contentDir ? ["--dir", contentDir] : [])], {
      cwd: projectRoot,
      env,
      maxBuffer: 256 * 1024 * 1024,
    });
  }
  return databaseUrl;
}

async function dropDatabase(provider: Provider, databaseUrl: string, postgresServerUrl: string | undefined) {
  if (provider === "PostgreSQL") await onPostgres(postgresServerUrl!, `DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
  else for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(projectRoot, `${databaseUrl.replace(/^file:\.\//, "")}${suffix}`), { force: true });
}

/** The articles customers may vote on (internal ones answer 404, as to any visitor). */
async function publishedSlugs(db: PrismaDatabase) {
  return (await db.article.findMany({ where: customerVisible, select: { slug: true } })).map((row) => row.slug);
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

function soakRow(provider: Provider, result: SoakResult, countsEqual: boolean) {
  const failures = Object.entries(result.statuses).map(([status, n]) => `${n}× ${status}`);
  return [
    provider,
    `${result.acknowledged.toLocaleString("en")} of ${result.sent.toLocaleString("en")}`,
    result.seconds.toFixed(1),
    Math.round(result.votesPerSecond),
    ms(result.latenciesMs.p50),
    ms(result.latenciesMs.p95),
    ms(result.latenciesMs.p99),
    failures.length ? failures.join(", ") : "none",
    result.lockedMessages,
    result.timeouts + result.networkErrors,
    countsEqual ? "yes" : "NO",
  ];
}

export async function runDurabilityBench({ quick, postgresServerUrl }: DurabilityOptions) {
  const providers: Provider[] = postgresServerUrl ? ["SQLite", "PostgreSQL"] : ["SQLite"];
  const size = quick ? { votes: 2_000, visitors: 200, connections: 20 } : { votes: 10_000, visitors: 500, connections: 50 };
  const results: Record<string, unknown> = { size };

  // One build of the starter library serves every server below (pages are not what is measured).
  const distDir = ".next-bench-durability";
  await prepareSite({ databaseUrl: "file:./data/bench-durability.db", distDir });

  console.log(`\n### a. Votes under load: ${size.votes.toLocaleString("en")} votes, ${size.visitors} visitors, ${size.connections} connections\n`);
  const soakRows: (string | number)[][] = [];
  const crashRows: (string | number)[][] = [];
  const soaks: Record<string, unknown> = {};
  const crashes: Record<string, unknown> = {};
  for (const provider of providers) {
    const databaseUrl = await freshDatabase(provider, "bench_durability_soak", postgresServerUrl, "");
    const db = createPrismaClient(databaseUrl);
    let site: RunningSite | null = await startSite({ port: 3495, databaseUrl, distDir, env: LOAD_TEST_SERVER_ENV });
    try {
      const slugs = await publishedSlugs(db);
      const plan = planVotes({ visitors: size.visitors, votes: size.votes, slugs, seed: 3 });
      const result = await runVoteSoak({ baseURL: site.url, plan, connections: size.connections, requestTimeoutMs: 30_000 });
      const expected = acknowledgedTally(result);
      const stored = await storedTally(
        db,
        plan.map((visitor) => visitor.visitorId),
      );
      const equal = JSON.stringify(Object.entries(expected).sort()) === JSON.stringify(Object.entries(stored).sort());
      soakRows.push(soakRow(provider, result, equal));
      soaks[provider] = { ...result, lastAcknowledged: undefined, unanswered: undefined, countsEqual: equal };

      // b. The same load again, and a SIGKILL once a third of it is acknowledged.
      const crashPlan = planVotes({ visitors: size.visitors, votes: size.votes * 10, slugs, seed: 5 });
      const stop = new AbortController();
      let killedAt = 0;
      const running = site;
      const crashed = await runVoteSoak({
        baseURL: running.url,
        plan: crashPlan,
        connections: size.connections,
        requestTimeoutMs: 30_000,
        signal: stop.signal,
        onAcknowledged: (total) => {
          if (killedAt || total < size.votes / 3) return;
          killedAt = total;
          process.kill(running.pid, "SIGKILL");
          stop.abort();
        },
      });
      await site.stop(); // reaps what is left of the killed server's group
      site = await startSite({ port: 3495, databaseUrl, distDir, env: LOAD_TEST_SERVER_ENV });
      const lost = await lostAcknowledgedVotes(db, crashed);
      crashRows.push([provider, crashed.acknowledged.toLocaleString("en"), crashed.unanswered.size, lost.length]);
      crashes[provider] = { acknowledgedBeforeKill: crashed.acknowledged, unanswered: crashed.unanswered.size, lost };
    } finally {
      await site?.stop();
      await db.$disconnect();
      await dropDatabase(provider, databaseUrl, postgresServerUrl);
    }
  }
  console.log(
    markdownTable(
      ["database", "acknowledged", "seconds", "votes/s", "p50", "p95", "p99", "non-200", "“database is locked”", "no answer", "stored = acknowledged"],
      soakRows,
    ),
  );
  console.log("\n### b. SIGKILL in the middle of the load, then a restart on the same database\n");
  console.log(
    markdownTable(["database", "votes acknowledged before the kill", "votes in flight at the kill", "acknowledged votes missing after the restart"], crashRows),
  );
  results.soak = soaks;
  results.crash = crashes;

  console.log("\n### c. SQLite commit cost by synchronous setting (WAL, one row per commit, this disk)\n");
  const commitRows = sqliteCommitCost(quick ? 2_000 : 5_000);
  console.log(
    markdownTable(
      ["synchronous", "commits/s", "ms per commit"],
      commitRows.map((row) => [row.mode, Math.round(row.perSecond).toLocaleString("en"), row.msPerCommit.toFixed(3)]),
    ),
  );
  results.sqliteCommit = commitRows;

  const articles = quick ? 1_000 : 10_000;
  const votes = quick ? 10_000 : 100_000;
  console.log(`\n### d. npm run db:backup and db:restore at ${articles.toLocaleString("en")} articles and ${votes.toLocaleString("en")} votes\n`);
  const corpusDir = path.join(tmpdir(), `helpdesk-corpus-${articles}`);
  rmSync(corpusDir, { recursive: true, force: true });
  writeCorpusLibrary(generateCorpus(articles), corpusDir);
  const backupRows: (string | number)[][] = [];
  const backups: Record<string, unknown> = {};
  for (const provider of providers) {
    const source = await freshDatabase(provider, "bench_durability_backup", postgresServerUrl, corpusDir);
    const target = await freshDatabase(provider, "bench_durability_restore", postgresServerUrl);
    const dir = mkdtempSync(path.join(tmpdir(), "helpdesk-bench-backup-"));
    try {
      await seedVotes(source, votes);
      const file = path.join(dir, provider === "SQLite" ? "backup.db" : "backup.dump");
      const backup = provider === "SQLite" ? await backupSqlite(source.replace(/^file:/, ""), file) : await backupPostgres(source, file);
      const restore = provider === "SQLite" ? await restoreSqlite(file, target.replace(/^file:/, "")) : await restorePostgres(target, file);
      const same = JSON.stringify(restore.counts) === JSON.stringify(backup.counts);
      backupRows.push([provider, formatBytes(backup.bytes), backup.seconds.toFixed(1), restore.seconds.toFixed(1), same ? "yes" : "NO"]);
      backups[provider] = { bytes: backup.bytes, backupSeconds: backup.seconds, restoreSeconds: restore.seconds, counts: backup.counts, countsEqual: same };
      console.error(`(${provider}: ${describeCounts(backup.counts)})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await dropDatabase(provider, source, postgresServerUrl);
      await dropDatabase(provider, target, postgresServerUrl);
    }
  }
  console.log(markdownTable(["database", "backup size", "backup s", "restore s (into an empty database)", "restored counts = backup's"], backupRows));
  results.backup = backups;
  rmSync(corpusDir, { recursive: true, force: true });
  return results;
}

/** `count` votes spread over every article, written in batches. */
async function seedVotes(databaseUrl: string, count: number) {
  const db = createPrismaClient(databaseUrl);
  try {
    const articles = await db.article.findMany({ select: { id: true, publishedRevisionId: true } });
    const ratings = ["happy", "normal", "sad"];
    for (let i = 0; i < count; i += 5_000) {
      await db.feedback.createMany({
        data: Array.from({ length: Math.min(5_000, count - i) }, (_, j) => {
          const article = articles[(i + j) % articles.length]!;
          return { articleId: article.id, revisionId: article.publishedRevisionId, visitorId: randomUUID(), rating: ratings[(i + j) % 3]! };
        }),
      });
    }
  } finally {
    await db.$disconnect();
  }
}

/** Single-row commits in WAL mode with each synchronous setting, in a scratch file on this disk. */
function sqliteCommitCost(commits: number) {
  const rows: { mode: string; perSecond: number; msPerCommit: number }[] = [];
  for (const mode of ["NORMAL", "FULL"]) {
    const file = path.join(projectRoot, "data", `bench-commit-${randomUUID().slice(0, 8)}.db`);
    const db = new Database(file);
    try {
      db.pragma("journal_mode = WAL");
      db.pragma(`synchronous = ${mode}`);
      db.exec("CREATE TABLE votes (id INTEGER PRIMARY KEY, rating TEXT)");
      const insert = db.prepare("INSERT INTO votes (rating) VALUES (?)");
      const started = performance.now();
      for (let i = 0; i < commits; i++) insert.run("happy");
      const elapsed = performance.now() - started;
      rows.push({ mode: mode === "FULL" ? "FULL (chosen)" : mode, perSecond: (commits / elapsed) * 1000, msPerCommit: elapsed / commits });
    } finally {
      db.close();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    }
  }
  return rows;
}
