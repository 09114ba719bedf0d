// The staff area's lists at the size search is built for: 10,000 articles and 100,000 votes (plus
// 300,000 daily view counts, 50,000 searches and 5,000 contact requests), each page fetched over
// HTTP as a signed-in admin (who alone may open /staff/users). Target: p95 ≤ 100 ms a page.
//
//   npx tsx scripts/bench/staff-lists.ts [--articles 10000] [--votes 100000] [--requests 30]
//   (uses the 10,000-article bench site when `npm run bench -- --only build` made it; otherwise makes it)
import { randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createSession } from "../../lib/auth/sessions";
import { createPrismaClient, type Database } from "../../lib/db-client";
import { createStaffUser } from "../../lib/staff/users";
import { generateCorpus, writeCorpusLibrary } from "./corpus";
import { isMain } from "./lib/is-main";
import { projectRoot } from "./lib/paths";
import { prepareSite } from "./lib/prepare-site";
import { startSite } from "./lib/start-site";
import { markdownTable } from "./lib/table";

const RATINGS = ["happy", "normal", "sad"] as const;
const BATCH = 5_000;

async function inBatches<T>(count: number, make: (i: number) => T, write: (rows: T[]) => Promise<unknown>) {
  for (let start = 0; start < count; start += BATCH) {
    await write(Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => make(start + i)));
  }
}

/** Ratings, views, searches and requests on top of the imported articles, written directly. */
async function seed(db: Database, votes: number) {
  const articles = (await db.article.findMany({ select: { id: true, publishedRevisionId: true }, orderBy: { slug: "asc" } })).filter(
    (a) => a.publishedRevisionId,
  );
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
  await db.feedback.deleteMany();
  await inBatches(
    votes,
    (i) => {
      const article = articles[(i * 7919) % articles.length]!;
      return {
        id: `bench-vote-${i}`,
        articleId: article.id,
        revisionId: article.publishedRevisionId,
        visitorId: `bench-${i}`,
        rating: RATINGS[(i * 31) % 3]!,
        createdAt: day(i % 84),
        updatedAt: day(i % 84),
      };
    },
    (rows) => db.feedback.createMany({ data: rows }),
  );
  // One vote in forty carries a comment.
  const commented = Array.from({ length: Math.floor(votes / 40) }, (_, n) => n * 40 + 2);
  await inBatches(
    commented.length,
    (n) => {
      const i = commented[n]!;
      return {
        feedbackId: `bench-vote-${i}`,
        revisionId: articles[(i * 7919) % articles.length]!.publishedRevisionId,
        body: `Comment ${i}: the steps did not match what I see.`,
        createdAt: day(i % 84),
      };
    },
    (rows) => db.feedbackComment.createMany({ data: rows }),
  );
  await db.articleViewDay.deleteMany();
  await inBatches(
    articles.length * 30,
    (i) => ({
      articleId: articles[i % articles.length]!.id,
      day: day(Math.floor(i / articles.length))
        .toISOString()
        .slice(0, 10),
      count: 1 + (i % 17),
    }),
    (rows) => db.articleViewDay.createMany({ data: rows }),
  );
  await db.searchEvent.deleteMany();
  await inBatches(
    50_000,
    (i) => ({ query: `query ${i % 4_000}`, resultCount: i % 5 === 0 ? 0 : 3, openedSlug: null, createdAt: day(i % 90) }),
    (rows) => db.searchEvent.createMany({ data: rows }),
  );
  await db.contactRequest.deleteMany();
  await inBatches(
    5_000,
    (i) => ({
      name: `Customer ${i}`,
      email: `c${i}@example.com`,
      message: "My site is down since this morning, please help.",
      status: i % 3 === 0 ? "handled" : "open",
      createdAt: day(i % 60),
    }),
    (rows) => db.contactRequest.createMany({ data: rows }),
  );
  return articles[0]!.id;
}

export interface StaffListRow {
  page: string;
  p50Ms: number;
  p95Ms: number;
  bytes: number;
}

export async function runStaffListsBench({
  articles = 10_000,
  votes = 100_000,
  requests = 30,
  databaseUrl,
  distDir,
}: { articles?: number; votes?: number; requests?: number; databaseUrl?: string; distDir?: string } = {}): Promise<StaffListRow[]> {
  databaseUrl ??= `file:./data/bench-${articles}.db`;
  distDir ??= `.next-bench-${articles}`;
  if (!existsSync(path.join(projectRoot, distDir, "BUILD_ID")) || !existsSync(path.join(projectRoot, databaseUrl.replace(/^file:/, "")))) {
    const dir = path.join(tmpdir(), `helpdesk-corpus-${articles}`);
    rmSync(dir, { recursive: true, force: true });
    writeCorpusLibrary(generateCorpus(articles), dir);
    await prepareSite({ databaseUrl, distDir, contentDir: dir });
  }
  const db = createPrismaClient(databaseUrl);
  const rows: StaffListRow[] = [];
  try {
    const articleId = await seed(db, votes);
    const admin = await createStaffUser(db, {
      email: `bench-${randomUUID().slice(0, 8)}@staff.test`,
      name: "Bench Admin",
      role: "admin",
      password: "correct horse battery staple",
    });
    const { token } = await createSession(db, admin.id);
    const site = await startSite({ port: 3470, databaseUrl, distDir });
    try {
      const pages = [
        "/staff",
        "/staff/articles",
        "/staff/articles?sort=score&order=asc",
        "/staff/articles?sort=views&order=desc&page=100",
        `/staff/articles/${articleId}/history`,
        `/staff/articles/${articleId}/feedback`,
        "/staff/feedback",
        "/staff/searches?days=90",
        "/staff/backlog",
        "/staff/inbox?show=all&page=20",
        "/staff/users",
      ];
      for (const page of pages) {
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < requests + 3; i++) {
          const started = performance.now();
          const response = await fetch(`${site.url}${page}`, { headers: { cookie: `hc_staff=${token}; __Host-hc_staff=${token}` }, redirect: "manual" });
          const body = await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
          if (i >= 3) times.push(performance.now() - started); // the first few warm Next up
          bytes = body.byteLength;
        }
        times.sort((a, b) => a - b);
        rows.push({
          page,
          p50Ms: times[Math.floor(times.length * 0.5)]!,
          p95Ms: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!,
          bytes,
        });
      }
    } finally {
      await site.stop();
    }
  } finally {
    await db.$disconnect();
  }
  console.log(
    markdownTable(
      ["staff page", "p50 ms", "p95 ms", "KB", "target p95 ≤ 100 ms"],
      rows.map((row) => [row.page, row.p50Ms.toFixed(1), row.p95Ms.toFixed(1), (row.bytes / 1024).toFixed(0), row.p95Ms <= 100 ? "✓" : "✗"]),
    ),
  );
  return rows;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: { articles: { type: "string", default: "10000" }, votes: { type: "string", default: "100000" }, requests: { type: "string", default: "30" } },
  });
  runStaffListsBench({ articles: Number(values.articles), votes: Number(values.votes), requests: Number(values.requests) }).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
