// Votes under load, over real HTTP: many visitors rating articles at once, changing their votes,
// each visitor one request at a time (as a browser tab does) over a shared pool of connections.
// Every answer is recorded, so what the database holds afterwards can be compared with what the
// server acknowledged: the counts must be equal, exactly. Used by npm run bench (scripts/bench/
// durability.ts) and, smaller, by the end-to-end suite (tests/e2e/votes-under-load.spec.ts).
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Database } from "../../lib/db-client";

/**
 * The environment every server started for load gets. Public writes are limited per client
 * (lib/limits), and all this load comes from 127.0.0.1 with visitors voting far more often than a
 * person does: the limits are lifted, as `RATE_LIMITS=off` is documented for (load tests from one
 * machine). What is measured is that every acknowledged vote is stored.
 */
export const LOAD_TEST_SERVER_ENV: Record<string, string> = { RATE_LIMITS: "off" };

const RATINGS = ["happy", "normal", "sad"] as const;
type Rating = (typeof RATINGS)[number];

export interface PlannedVote {
  slug: string;
  rating: Rating;
}

export interface VisitorPlan {
  visitorId: string;
  votes: PlannedVote[];
}

/** A deterministic plan: each visitor rates some articles, then changes some of those votes. */
export function planVotes({ visitors, votes, slugs, seed = 1 }: { visitors: number; votes: number; slugs: string[]; seed?: number }): VisitorPlan[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: visitors }, (_, i) => {
    const count = Math.floor(votes / visitors) + (i < votes % visitors ? 1 : 0);
    // About a third of a visitor's votes change a vote they gave before.
    const firsts = Math.max(1, Math.min(slugs.length, Math.ceil((count * 2) / 3)));
    const rated = Array.from({ length: firsts }, () => pick(slugs));
    const plan: PlannedVote[] = [];
    for (let n = 0; n < count; n++) plan.push({ slug: n < firsts ? rated[n]! : pick(rated), rating: pick(RATINGS) });
    return { visitorId: randomUUID(), votes: plan };
  });
}

export interface SoakResult {
  seconds: number;
  sent: number;
  /** Answered 200: the server said the vote is stored. */
  acknowledged: number;
  /** Non-200 answers by status. */
  statuses: Record<string, number>;
  /** No answer: connection refused or reset. */
  networkErrors: number;
  timeouts: number;
  /** Answers (of any status) whose body mentions "database is locked". */
  lockedMessages: number;
  latenciesMs: { p50: number; p95: number; p99: number; max: number };
  votesPerSecond: number;
  /** Per visitor and article, the rating of the last acknowledged vote. */
  lastAcknowledged: Map<string, Map<string, Rating>>;
  /** Per visitor, the vote that had no answer when the run ended (it may or may not be stored). */
  unanswered: Map<string, PlannedVote>;
}

export interface SoakOptions {
  baseURL: string;
  plan: VisitorPlan[];
  /** Visitors voting at the same moment, each with its own connection at a time. */
  connections: number;
  requestTimeoutMs?: number;
  /** Stops the run early (the visitors' next votes are not sent). */
  signal?: AbortSignal;
  /** Called after each acknowledged vote with the running total. */
  onAcknowledged?: (total: number) => void;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

/** One POST with a JSON body over a keep-alive agent: its status and body, or an error without an answer. */
function postJson(agent: http.Agent, url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: "TimeoutError" })));
    request.on("error", reject);
    request.end(body);
  });
}

export async function runVoteSoak({ baseURL, plan, connections, requestTimeoutMs = 10_000, signal, onAcknowledged }: SoakOptions): Promise<SoakResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL("/api/feedback", baseURL);
  const result: SoakResult = {
    seconds: 0,
    sent: 0,
    acknowledged: 0,
    statuses: {},
    networkErrors: 0,
    timeouts: 0,
    lockedMessages: 0,
    latenciesMs: { p50: 0, p95: 0, p99: 0, max: 0 },
    votesPerSecond: 0,
    lastAcknowledged: new Map(),
    unanswered: new Map(),
  };
  const latencies: number[] = [];
  const queue = [...plan];

  async function post(visitorId: string, vote: PlannedVote) {
    const send = () =>
      postJson(agent, url, { Cookie: `hc_visitor=${visitorId}` }, JSON.stringify({ article: vote.slug, rating: vote.rating }), requestTimeoutMs);
    try {
      return await send();
    } catch (error) {
      // A keep-alive socket the server closed as idle just as we sent: browsers retry once, and a
      // vote is idempotent (the same rating again changes nothing).
      if ((error as NodeJS.ErrnoException).code !== "ECONNRESET" || signal?.aborted) throw error;
      return send();
    }
  }

  async function visitor() {
    for (let next = queue.shift(); next && !signal?.aborted; next = queue.shift()) {
      for (const vote of next.votes) {
        if (signal?.aborted) return;
        result.sent++;
        result.unanswered.set(next.visitorId, vote);
        const started = performance.now();
        let response: { status: number; body: string };
        try {
          response = await post(next.visitorId, vote);
        } catch (error) {
          if ((error as Error).name === "TimeoutError") result.timeouts++;
          else result.networkErrors++;
          // A visitor whose request went unanswered stops: their next vote would race the first.
          return;
        }
        latencies.push(performance.now() - started);
        if (/database is locked/i.test(response.body)) result.lockedMessages++;
        result.unanswered.delete(next.visitorId);
        if (response.status !== 200) {
          result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
          continue;
        }
        result.acknowledged++;
        const votes = result.lastAcknowledged.get(next.visitorId) ?? new Map<string, Rating>();
        votes.set(vote.slug, vote.rating);
        result.lastAcknowledged.set(next.visitorId, votes);
        onAcknowledged?.(result.acknowledged);
      }
    }
  }

  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: connections }, visitor));
  } finally {
    agent.destroy();
  }
  result.seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  result.latenciesMs = { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 };
  result.votesPerSecond = result.acknowledged / result.seconds;
  return result;
}

/** "slug rating" → how many visitors' last acknowledged vote it is. */
export function acknowledgedTally(result: SoakResult): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const votes of result.lastAcknowledged.values()) {
    for (const [slug, rating] of votes) tally[`${slug} ${rating}`] = (tally[`${slug} ${rating}`] ?? 0) + 1;
  }
  return tally;
}

/** The same tally from the database, for these visitors' votes only. */
export async function storedTally(db: Database, visitorIds: string[]): Promise<Record<string, number>> {
  const tally: Record<string, number> = {};
  for (let i = 0; i < visitorIds.length; i += 500) {
    const rows = await db.feedback.findMany({
      where: { visitorId: { in: visitorIds.slice(i, i + 500) } },
      select: { rating: true, article: { select: { slug: true } } },
    });
    for (const row of rows) tally[`${row.article.slug} ${row.rating}`] = (tally[`${row.article.slug} ${row.rating}`] ?? 0) + 1;
  }
  return tally;
}

/**
 * After a crash: every acknowledged vote must be stored, as its last acknowledged rating, or as the
 * visitor's unanswered vote when that one was for the same article (it may have been committed
 * just before the kill). Returns the acknowledged votes that are missing or wrong: none, or data was lost.
 */
export async function lostAcknowledgedVotes(db: Database, result: SoakResult): Promise<string[]> {
  const lost: string[] = [];
  const visitors = [...result.lastAcknowledged.keys()];
  for (let i = 0; i < visitors.length; i += 500) {
    const rows = await db.feedback.findMany({
      where: { visitorId: { in: visitors.slice(i, i + 500) } },
      select: { visitorId: true, rating: true, article: { select: { slug: true } } },
    });
    const stored = new Map(rows.map((row) => [`${row.visitorId} ${row.article.slug}`, row.rating]));
    for (const visitorId of visitors.slice(i, i + 500)) {
      const unanswered = result.unanswered.get(visitorId);
      for (const [slug, rating] of result.lastAcknowledged.get(visitorId)!) {
        const found = stored.get(`${visitorId} ${slug}`);
        const allowed = found === rating || (unanswered?.slug === slug && found === unanswered.rating);
        if (!allowed) lost.push(`${visitorId} ${slug}: acknowledged ${rating}, stored ${found ?? "nothing"}`);
      }
    }
  }
  return lost;
}
