// Two instances of one build behind nginx, on one PostgreSQL and one Redis (scripts/fleet.ts, the
// same pieces docs/deployment.md describes): a publish on one is seen on the other at once, votes
// through both are all counted, sessions and the sign-in throttle are shared, and losing an
// instance does not take the site down.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createSession } from "../../lib/auth/sessions";
import { createPrismaClient, type Database } from "../../lib/db-client";
import { createStaffUser } from "../../lib/staff/users";
import { fleetToolsMissing, startFleet, type Fleet } from "../../scripts/fleet";
import { E2E_DIST_DIR, E2E_PORT } from "./constants";
import { expect, test } from "./fixtures";

const ADMIN_URL = process.env.TEST_POSTGRES_URL;
const missing = [...fleetToolsMissing(), ...(ADMIN_URL ? [] : ["TEST_POSTGRES_URL"])];
const PASSWORD = "correct horse battery staple";
const SESSION_COOKIE = "__Host-hc_staff";

test.describe("a fleet of two instances behind nginx", () => {
  // CI installs everything a fleet needs; on a laptop without it the spec says what is missing.
  test.skip(missing.length > 0 && !process.env.CI, `needs ${missing.join(", ")} (see docs/deployment.md)`);
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  let fleet: Fleet;
  let db: Database;
  let databaseName: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    expect(missing, "tools a fleet needs").toEqual([]);
    databaseName = `helpdesk_fleet_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${databaseName}"`);
    await admin.end();
    const target = new URL(ADMIN_URL!);
    target.pathname = `/${databaseName}`;
    const databaseUrl = target.toString();
    const env = { ...process.env, DATABASE_URL: databaseUrl };
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
    execFileSync("npx", ["tsx", "scripts/content-import.ts"], { env, stdio: "pipe" });
    db = createPrismaClient(databaseUrl);
    // Both instances run the suite's one build: build once, run many.
    fleet = await startFleet({ databaseUrl, distDir: E2E_DIST_DIR, basePort: E2E_PORT + 2000 });
  });

  test.afterAll(async () => {
    await fleet?.stop();
    await db?.$disconnect();
    if (databaseName) {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await admin.end();
    }
  });

  const instance = (i: number) => fleet.instances[i]!.url;

  test("both instances run one build, and report their database, Redis and content version", async () => {
    const [a, b] = await Promise.all([0, 1].map(async (i) => (await fetch(`${instance(i)}/api/health`)).json()));
    expect(a).toMatchObject({ status: "ok", database: { ok: true }, cache: { store: "redis", ok: true } });
    expect(b.buildId).toBe(a.buildId);
    expect(b.contentVersion).toBe(a.contentVersion);
    expect((await fetch(`${fleet.nginx.url}/api/health`)).status).toBe(200);
  });

  test("a publish through one instance is on the other, and through nginx, on the next request", async () => {
    const read = async (base: string) => {
      const response = await fetch(`${base}/articles/mailbox-full`);
      return { cache: response.headers.get("x-cache"), html: await response.text() };
    };
    // The other instance holds the page in its page cache, and Next's shared cache has it too.
    await read(instance(1));
    expect((await read(instance(1))).cache).toBe("HIT");

    const editor = await createStaffUser(db, {
      email: `fleet-${randomUUID().slice(0, 8)}@staff.test`,
      name: "Fleet Editor",
      role: "editor",
      password: PASSWORD,
    });
    const { token } = await createSession(db, editor.id);
    const marker = `Published through one instance ${randomUUID().slice(0, 8)}.`;
    const source = (await db.articleRevision.findFirstOrThrow({ where: { article: { slug: "mailbox-full" } }, orderBy: { createdAt: "desc" } })).body;
    const fm = await db.article.findUniqueOrThrow({ where: { slug: "mailbox-full" }, select: { title: true, description: true, tags: true } });
    const file = `---\ntitle: ${JSON.stringify(fm.title)}\ndescription: ${JSON.stringify(fm.description)}\ntags: ${fm.tags}\nupdated: 2026-12-03\n---\n\n${marker}\n\n${source}\n`;
    const form = new FormData();
    form.append("files", new Blob([file]), "mailbox-full.mdx");
    const published = await fetch(`${instance(0)}/api/staff/library/import`, {
      method: "POST",
      body: form,
      headers: { cookie: `${SESSION_COOKIE}=${token}`, origin: instance(0) },
    });
    expect(published.status, await published.clone().text()).toBe(200);

    await expect.poll(async () => (await read(instance(1))).html.includes(marker)).toBe(true);
    await expect.poll(async () => (await read(fleet.nginx.url)).html.includes(marker)).toBe(true);
    // Not a lucky miss: the first read after the publish already had it, whichever instance answered.
    expect((await read(instance(0))).html).toContain(marker);

    // Search finds the new text on both, from one index built once for this content version.
    const word = marker.split(" ").at(-1)!.replace(".", "");
    for (const i of [0, 1]) {
      await expect
        .poll(async () => ((await (await fetch(`${instance(i)}/api/search?q=${word}`)).json()) as { results: { slug: string }[] }).results.map((r) => r.slug))
        .toContain("mailbox-full");
    }
    const { createClient } = await import("redis");
    const redis = createClient({ url: fleet.redis.url });
    await redis.connect();
    const version = ((await (await fetch(`${instance(1)}/api/health`)).json()) as { contentVersion: string }).contentVersion;
    const indexes = await redis.keys(`helpdesk:search-index:*:${version}|*`);
    await redis.quit();
    expect(indexes.filter((key) => !key.endsWith(":lock"))).toHaveLength(1);
  });

  test("votes sent through both instances are all counted", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: "refund-policy" }, select: { id: true } });
    const before = await db.feedback.count({ where: { articleId: article.id } });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${instance(i % 2)}/api/feedback`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `198.18.200.${i + 1}` },
          body: JSON.stringify({ article: "refund-policy", rating: i % 3 === 0 ? "sad" : "happy" }),
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(200));
    expect(await db.feedback.count({ where: { articleId: article.id } })).toBe(before + 40);
  });

  test("a staff session made on one instance works on the other, and failed sign-ins count on both", async ({ browser }) => {
    const account = await createStaffUser(db, {
      email: `fleet-${randomUUID().slice(0, 8)}@staff.test`,
      name: "Fleet Admin",
      role: "admin",
      password: PASSWORD,
    });
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.18.201.1" } });
    const page = await context.newPage();
    await page.goto(`${instance(0)}/staff/sign-in`);
    await page.getByLabel("E-mail address").fill(account.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: "Staff" })).toBeVisible();
    // Cookies belong to the host, not the port: the same browser now asks the other instance.
    expect((await context.cookies(instance(1))).map((cookie) => cookie.name)).toContain(SESSION_COOKIE);
    await page.goto(`${instance(1)}/staff/users`);
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
    await context.close();

    // Five wrong passwords from one client, alternating instances: the fifth makes it wait.
    const guesser = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.18.201.2" } });
    const guess = await guesser.newPage();
    for (let i = 0; i < 5; i++) {
      await guess.goto(`${instance(i % 2)}/staff/sign-in`);
      await guess.getByLabel("E-mail address").fill(account.email);
      await guess.getByLabel("Password").fill("not the password");
      await guess.getByRole("button", { name: "Sign in" }).click();
      await expect(guess.getByText(i < 4 ? "do not match an active staff account" : "Too many failed sign-ins")).toBeVisible();
    }
    await guess.goto(`${instance(1)}/staff/sign-in`);
    await guess.getByLabel("E-mail address").fill(account.email);
    await guess.getByLabel("Password").fill(PASSWORD);
    await guess.getByRole("button", { name: "Sign in" }).click();
    await expect(guess.getByText("Too many failed sign-ins")).toBeVisible();
    await guesser.close();
  });

  test("when one instance is killed, nginx keeps serving from the other", async () => {
    const statuses: number[] = [];
    let killed = false;
    const load = async () => {
      for (let i = 0; i < 60; i++) {
        if (i === 20 && !killed) {
          killed = true;
          process.kill(-fleet.instances[0]!.pid, "SIGKILL");
        }
        const answer = await fetch(`${fleet.nginx.url}/articles/mx-records?n=${i}`).catch(() => null);
        statuses.push(answer?.status ?? 0);
        await answer?.arrayBuffer();
      }
    };
    await Promise.all([load(), load(), load(), load()]);
    // Only requests in flight at the moment of the kill may fail: nginx retries the rest elsewhere.
    expect(statuses.filter((status) => status !== 200).length).toBeLessThanOrEqual(4);
    const after = await Promise.all(Array.from({ length: 10 }, () => fetch(`${fleet.nginx.url}/api/health`)));
    expect(after.map((answer) => answer.status)).toEqual(Array(10).fill(200));
  });
});
