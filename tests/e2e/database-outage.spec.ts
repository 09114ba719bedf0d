// When the database does not answer, the site says so instead of pretending, keeps what visitors
// chose and typed, keeps serving the pages it has, and recovers by itself when the database is
// back. Each case runs a site of its own whose database the test takes away: a SQLite file that
// another process holds locked (writes wait, then fail; reads go on), and a PostgreSQL server, of
// the test's own, that is stopped and started again.
import Database from "better-sqlite3";
import type { Browser, Page } from "@playwright/test";
import { createPrismaClient, type Database as PrismaDatabase } from "../../lib/db-client";
import { E2E_PORT } from "./constants";
import { launchExtraServer, type ExtraServer } from "./extra-server";
import { privatePostgresUnavailable, startPrivatePostgres, type PrivatePostgres } from "./private-postgres";
import { createStaffAccount, expect, signIn, test } from "./staff-fixtures";

const ARTICLE = "mx-records";
const TITLE = "MX records";
/** A write waits for the lock up to 5 s (SQLITE_BUSY_TIMEOUT_MS) before it fails: wait for the outcome, not a budget. */
const FAILURE_TIMEOUT = 30_000;
const UNREACHABLE = /We could not reach our database just now, so nothing was saved\. Please try again in a minute\./;

async function openArticle(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(`/articles/${ARTICLE}`);
  // Ready once the earlier vote (if any) has loaded: the buttons take clicks.
  await expect(page.getByRole("button", { name: "Happy" })).toBeEnabled();
  return page;
}

async function voteAndFail(page: Page) {
  const sad = page.getByRole("button", { name: "Sad" });
  await sad.click();
  const alert = page.getByRole("alert").filter({ hasText: "Your vote (Sad) was not saved." });
  await expect(alert).toContainText(UNREACHABLE, { timeout: FAILURE_TIMEOUT });
  // The visitor's choice stays on screen, with a way to send it again.
  await expect(sad).toHaveAttribute("aria-pressed", "true");
  await expect(alert.getByRole("button", { name: "Try again" })).toBeFocused();
}

async function retryVote(page: Page, db: PrismaDatabase) {
  await page.getByRole("alert").getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Thanks for telling us." })).toBeVisible({ timeout: FAILURE_TIMEOUT });
  await expect(page.getByRole("alert").filter({ hasText: "was not saved" })).toHaveCount(0);
  const visitor = (await page.context().cookies()).find((cookie) => cookie.name === "hc_visitor")!.value;
  expect(await db.feedback.findFirst({ where: { visitorId: visitor }, select: { rating: true } })).toEqual({ rating: "sad" });
}

async function contactAndFail(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(`/contact?article=${ARTICLE}`);
  await page.getByLabel("Your name").fill("Ada");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("How can we help?").fill("My MX records point nowhere and mail bounces since this morning.");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "What you wrote is still here." })).toContainText(UNREACHABLE, { timeout: FAILURE_TIMEOUT });
  await expect(page.getByLabel("How can we help?")).toHaveValue("My MX records point nowhere and mail bounces since this morning.");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  return page;
}

async function retryContact(page: Page, db: PrismaDatabase, email: string) {
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByRole("heading", { name: "Thanks, Ada. We have your message." })).toBeVisible({ timeout: FAILURE_TIMEOUT });
  expect(await db.contactRequest.count({ where: { email } })).toBe(1);
}

test.describe("a SQLite database another process holds locked", () => {
  test.describe.configure({ mode: "serial" });
  let server: ExtraServer | undefined;
  let db: PrismaDatabase | undefined;

  test.beforeAll(async ({}, testInfo) => {
    test.setTimeout(300_000);
    server = await launchExtraServer({ slot: 1, logDir: testInfo.project.outputDir });
    await server.ready(280_000);
    db = createPrismaClient(server.databaseUrl);
  });
  test.afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  test("votes and contact requests say they were not saved, keep the visitor's choice and text, and go through on retry once the lock is gone", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const article = await openArticle(browser, server!.baseURL);
    await article.getByRole("button", { name: "Happy" }).click();
    await expect(article.getByRole("status").filter({ hasText: "You rated this article Happy" })).toBeVisible();

    const lock = new Database(server!.databaseUrl.replace(/^file:/, ""));
    lock.exec("BEGIN IMMEDIATE"); // what a long import or a stuck `sqlite3` shell does
    const email = `locked-${Date.now()}@example.com`;
    let contact: Page;
    try {
      await voteAndFail(article);
      contact = await contactAndFail(browser, server!.baseURL, email);
      // Reading goes on under the lock: pages are served, a new visitor's page loads.
      const reader = await openArticle(browser, server!.baseURL);
      await expect(reader.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    } finally {
      lock.exec("ROLLBACK");
      lock.close();
    }
    await retryVote(article, db!);
    await retryContact(contact, db!, email);
  });
});

test.describe("a PostgreSQL server that stops, then comes back", () => {
  test.describe.configure({ mode: "serial" });
  test.skip(Boolean(privatePostgresUnavailable()), `needs a PostgreSQL server of its own: ${privatePostgresUnavailable()}`);
  let postgres: PrivatePostgres | undefined;
  let server: ExtraServer | undefined;
  let db: PrismaDatabase | undefined;

  test.beforeAll(async ({}, testInfo) => {
    test.setTimeout(300_000);
    postgres = startPrivatePostgres(E2E_PORT + 2200);
    // Pages stay in the page cache for 2 s only: the test then sees them come from Next's own cache.
    server = await launchExtraServer({ slot: 2, logDir: testInfo.project.outputDir, postgresServerUrl: postgres.url, env: { PAGE_CACHE_SECONDS: "2" } });
    await server.ready(280_000);
    db = createPrismaClient(server.databaseUrl);
  });
  test.afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    postgres?.destroy();
  });

  test("cached articles are still served, votes, contact requests and staff pages say the database is away, and everything recovers without a restart", async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const baseURL = server!.baseURL;
    const editor = await createStaffAccount(db!, "editor");
    const staff = await (await browser.newContext({ baseURL })).newPage();
    await signIn(staff, editor);
    const article = await openArticle(browser, baseURL);
    await article.getByRole("button", { name: "Happy" }).click();
    await expect(article.getByRole("status").filter({ hasText: "You rated this article Happy" })).toBeVisible();

    postgres!.stop();
    const email = `stopped-${Date.now()}@example.com`;

    // The article is served from the page cache, then, once that copy has expired, from Next's.
    for (const wait of [0, 2_500]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      const response = await request.get(`${baseURL}/articles/${ARTICLE}`);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain(TITLE);
    }
    // The earlier vote cannot be loaded: the widget becomes usable without it, and says a vote failed.
    await article.reload();
    await expect(article.getByRole("button", { name: "Happy" })).toBeEnabled();
    await voteAndFail(article);
    const contact = await contactAndFail(browser, baseURL, email);
    await staff.goto("/staff");
    await expect(staff.getByRole("heading", { name: "The staff area cannot reach its database" })).toBeVisible();

    postgres!.start();
    await staff.getByRole("link", { name: "Try again" }).click();
    await expect(staff.getByRole("navigation", { name: "Staff" })).toBeVisible();
    await retryVote(article, db!);
    await retryContact(contact, db!, email);
  });
});
