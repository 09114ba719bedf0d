// Votes under load, over real HTTP against `npm start`'s server, on SQLite and (with
// TEST_POSTGRES_URL) on PostgreSQL: the stored counts equal the answers the server acknowledged,
// exactly, with no 5xx, no "database is locked" and no timeouts. Then a crash: the server is killed
// with SIGKILL in the middle of the load and started again on the same database, and no vote it
// acknowledged is missing. (npm run bench runs the full size: 10,000 votes, 500 visitors, 50
// connections; scripts/bench/durability.ts.)
import { expect, test } from "@playwright/test";
import { customerVisible } from "../../lib/articles/visibility";
import { createPrismaClient, type Database } from "../../lib/db-client";
import { acknowledgedTally, LOAD_TEST_SERVER_ENV, lostAcknowledgedVotes, planVotes, runVoteSoak, storedTally } from "../../scripts/bench/vote-soak";
import { launchExtraServer, type ExtraServer } from "./extra-server";

const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL;

for (const provider of ["sqlite", "postgresql"] as const) {
  test.describe(`votes under load on ${provider}`, () => {
    test.describe.configure({ mode: "serial" });
    test.skip(provider === "postgresql" && !TEST_POSTGRES_URL, "set TEST_POSTGRES_URL to run this on PostgreSQL too");

    const slot = provider === "sqlite" ? 3 : 4;
    const postgresServerUrl = provider === "postgresql" ? TEST_POSTGRES_URL : undefined;
    let server: ExtraServer | undefined;
    let db: Database | undefined;
    let slugs: string[] = [];

    test.beforeAll(async ({}, testInfo) => {
      test.setTimeout(300_000); // migrations, content import and a copy of the main build
      server = await launchExtraServer({ slot, env: LOAD_TEST_SERVER_ENV, logDir: testInfo.project.outputDir, postgresServerUrl });
      await server.ready(280_000);
      db = createPrismaClient(server.databaseUrl);
      // The articles customers may vote on: an internal one answers 404, as to any visitor.
      slugs = (await db.article.findMany({ where: customerVisible, select: { slug: true } })).map((row) => row.slug);
    });

    test.afterAll(async () => {
      await db?.$disconnect();
      await server?.stop();
      await server?.removeDatabase();
    });

    test("2,000 votes from 200 visitors over 20 connections, vote changes included: the stored counts equal the acknowledged answers", async () => {
      test.setTimeout(240_000);
      const plan = planVotes({ visitors: 200, votes: 2_000, slugs, seed: 7 });
      const result = await runVoteSoak({ baseURL: server!.baseURL, plan, connections: 20, requestTimeoutMs: 30_000 });

      expect({ statuses: result.statuses, networkErrors: result.networkErrors, timeouts: result.timeouts, locked: result.lockedMessages }).toEqual({
        statuses: {},
        networkErrors: 0,
        timeouts: 0,
        locked: 0,
      });
      expect(result.acknowledged).toBe(2_000);
      const expected = acknowledgedTally(result);
      expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBeLessThan(2_000); // some votes were changes
      expect(
        await storedTally(
          db!,
          plan.map((visitor) => visitor.visitorId),
        ),
      ).toEqual(expected);
    });

    test("a server killed with SIGKILL in the middle of the load, then started again, has lost no vote it acknowledged", async ({}, testInfo) => {
      test.setTimeout(300_000);
      const plan = planVotes({ visitors: 400, votes: 100_000, slugs, seed: 11 });
      const stop = new AbortController();
      let killed: Promise<void> | null = null;
      const result = await runVoteSoak({
        baseURL: server!.baseURL,
        plan,
        connections: 20,
        requestTimeoutMs: 30_000,
        signal: stop.signal,
        onAcknowledged: (total) => {
          if (total < 600 || killed) return;
          killed = server!.crash().then(() => stop.abort());
        },
      });
      await killed;
      // The kill cut requests short: those visitors' last votes have no answer.
      expect(result.acknowledged).toBeGreaterThanOrEqual(600);
      expect(result.networkErrors + result.timeouts).toBeGreaterThan(0);

      server = await launchExtraServer({ slot, env: LOAD_TEST_SERVER_ENV, logDir: testInfo.project.outputDir, postgresServerUrl, keepData: true });
      await server.ready(120_000);
      expect(await lostAcknowledgedVotes(db!, result)).toEqual([]);
      // And it takes votes again.
      const after = await runVoteSoak({ baseURL: server.baseURL, plan: planVotes({ visitors: 10, votes: 50, slugs, seed: 12 }), connections: 5 });
      expect(after.acknowledged).toBe(50);
    });
  });
}
