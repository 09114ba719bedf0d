// The search box moves to the server by itself when the index is too big for the browser: a second
// site, started with SEARCH_CLIENT_INDEX_MAX_BYTES=1 (so the starter library counts as "too big") on
// a copy of the main build, must answer the header search box from /api/search without ever
// fetching the index or starting a worker, and rank exactly as the normal site does in the browser.
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { launchExtraServer, type ExtraServer } from "./extra-server";

/** Queries whose results the staff specs (which publish articles on the normal site meanwhile) leave alone. */
const QUERIES = [
  { query: "dns propogation", first: "Why DNS changes take time to propagate" }, // a typo
  { query: "imap vs pop", first: "The difference between IMAP and POP" },
  { query: "two factor", first: "Turn on two-factor authentication" },
];
/** Rendered on its first request, by the second site with its own setting. */
const ARTICLE = "/articles/mx-records";

let server: ExtraServer | undefined;

test.describe("search on a library too big for the browser", () => {
  // One server for the file: its tests run in order in one worker.
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({}, testInfo) => {
    test.setTimeout(300_000); // migrations, content import and a copy of the main build
    server = await launchExtraServer({ slot: 0, env: { SEARCH_CLIENT_INDEX_MAX_BYTES: "1" }, logDir: testInfo.project.outputDir });
    await server.ready(280_000);
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("the header search box answers from /api/search, typos included, without the index or a worker", async ({ browser }) => {
    const { page, searches, indexFetches, workers, close } = await watchedPage(browser, server!.baseURL);
    await page.goto(ARTICLE);
    expect(await page.content()).not.toContain("/search-index/");

    const options = page.getByRole("listbox", { name: "Matching articles" }).getByRole("option");
    for (const { query, first } of QUERIES) {
      // Typed key by key, as a customer would: one request per keystroke, the last answer shown.
      await typeAndRead(page, query, "keys");
      await expect(options.first()).toContainText(first);
    }
    // Matches are highlighted, as in client mode, and a result opens its article.
    await typeAndRead(page, "dns propogation", "keys");
    await expect(options.first().locator("mark").first()).toHaveText("DNS");
    await options.first().click();
    await expect(page).toHaveURL(`${server!.baseURL}/articles/dns-propagation`);

    expect(searches.length).toBeGreaterThanOrEqual(QUERIES.length);
    expect(indexFetches).toEqual([]);
    expect(workers).toEqual([]);
    await close();
  });

  test("ranks exactly as client mode does on the normal site", async ({ browser, baseURL }) => {
    const big = await watchedPage(browser, server!.baseURL);
    const normal = await watchedPage(browser, baseURL!);
    await big.page.goto(ARTICLE);
    await normal.page.goto(ARTICLE);
    // The normal site really is in client mode: its page names the index.
    expect(await normal.page.content()).toContain("/search-index/");

    for (const { query } of QUERIES) {
      const onServer = await typeAndRead(big.page, query, "fill");
      expect(onServer.length, query).toBeGreaterThan(0);
      await typeAndRead(normal.page, query, "fill", onServer);
    }

    expect(big.indexFetches).toEqual([]);
    expect(big.workers).toEqual([]);
    expect(normal.indexFetches.length).toBeGreaterThan(0);
    expect(normal.workers.length).toBe(1);
    expect(normal.searches).toEqual([]);
    await big.close();
    await normal.close();
  });
});

/** A page in a fresh context on baseURL, recording searches, index downloads and workers. */
async function watchedPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const searches: string[] = [];
  const indexFetches: string[] = [];
  const workers: string[] = [];
  context.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === "/api/search") searches.push(request.url());
    if (pathname.startsWith("/search-index/")) indexFetches.push(request.url());
  });
  page.on("worker", (worker) => workers.push(worker.url()));
  return { page, searches, indexFetches, workers, close: () => context.close() };
}

function shownSlugs(page: Page): Promise<string[]> {
  return page
    .getByRole("listbox", { name: "Matching articles" })
    .getByRole("option")
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!.replace("/articles/", "")));
}

/**
 * Puts a query in the header search box and returns the slugs shown for it. On the big site that is
 * the answer of /api/search to the whole query; with `expected` (the normal site), waits until the
 * list equals it. "fill" sets the whole query at once (one search, no intermediate results).
 */
async function typeAndRead(page: Page, query: string, how: "fill" | "keys", expected?: string[]): Promise<string[]> {
  const search = page.getByRole("combobox", { name: "Search the help center" });
  await search.fill("");
  const type = () => (how === "fill" ? search.fill(query) : search.pressSequentially(query));
  if (expected) {
    await type();
    await expect.poll(() => shownSlugs(page), { message: `client-mode ranking for “${query}”` }).toEqual(expected);
    return expected;
  }
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/search" && new URL(r.url()).searchParams.get("q") === query);
  await type();
  const slugs = ((await (await answer).json()).results as { slug: string }[]).map((r) => r.slug);
  // What the customer sees is what /api/search answered for the whole query, in its order.
  await expect.poll(() => shownSlugs(page), { message: `server-mode results for “${query}”` }).toEqual(slugs);
  return slugs;
}
