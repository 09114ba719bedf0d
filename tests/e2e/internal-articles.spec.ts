// Internal articles (staff only), over real HTTP against `npm start`'s server: a signed-in agent
// finds one in the search box and reads it at its normal address under the Internal banner; an
// anonymous visitor cannot reach it by any route. The anonymous checks are those the staff area is
// proven with (staff-authorization.spec.ts): the header tricks that once got past middleware, RSC
// and prefetch requests, fake and expired sessions, the page cache before and after staff read the
// page, the search index file and /api/search, the customer APIs, and links on public pages.
import { randomUUID } from "node:crypto";
import type { APIResponse, Page } from "@playwright/test";
import { createSession, hashToken } from "../../lib/auth/sessions";
import type { Database } from "../../lib/db-client";
import { contactFormToken } from "./fixtures";
import { HEADER_TRICKS } from "./header-tricks";
import { test as base, createStaffAccount, expect, SESSION_COOKIE, seedPublishedArticle, signIn, type StaffAccount } from "./staff-fixtures";

/**
 * One staff account per worker for this spec (the suite's accounts fill the paged users list that
 * staff-users.spec.ts reads), named to sort after the accounts that spec looks for, and a browser
 * page signed in as it for each test.
 */
const test = base.extend<{ agentPage: Page }, { agent: StaffAccount }>({
  agent: [async ({ db }, provide) => provide(await createStaffAccount(db, "editor", `Zoe Agent ${randomUUID().slice(0, 4)}`)), { scope: "worker" }],
  agentPage: async ({ browser, agent, baseURL }, provide) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, agent);
    await provide(page);
    await context.close();
  },
});

/** The internal playbook in content/ (content/articles/email/escalate-a-mailbox-outage.mdx). */
const PLAYBOOK = { slug: "escalate-a-mailbox-outage", title: "Escalate a mailbox outage", bodyText: "Page the on-call systems engineer" };

const token = () => `zq${randomUUID().replaceAll("-", "").slice(0, 8)}`;

/** Whatever a response says, it must not give away the internal article. */
async function expectHidden(response: APIResponse, secrets: string[], where: string) {
  const body = await response.text();
  for (const secret of secrets) expect(body, `${where} leaked "${secret}"`).not.toContain(secret);
  return body;
}

/** A new session of the agent's, its cookie straight from the sessions table. */
async function staffCookie(db: Database, agent: StaffAccount) {
  const { token: session } = await createSession(db, agent.id);
  return `${SESSION_COOKIE}=${session}`;
}

test.describe("Internal articles, for signed-in staff", () => {
  test("a signed-in agent finds the internal playbook in the search box and reads it at its address under the Internal banner", async ({ agentPage: page }) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: "Search the help center" }).pressSequentially("mailbox outage");
    const result = page.getByRole("listbox", { name: "Matching articles" }).getByRole("option").filter({ hasText: PLAYBOOK.title });
    await expect(result).toContainText("Internal");
    await result.getByRole("link").click();

    await expect(page).toHaveURL(`/articles/${PLAYBOOK.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: PLAYBOOK.title })).toBeVisible();
    const banner = page.getByRole("complementary", { name: "Internal — staff only" });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("Customers cannot see this article");
    await expect(page.getByText(PLAYBOOK.bodyText)).toBeVisible();
    // What measures and serves customers is not on a staff-only page.
    await expect(page.getByRole("group", { name: "What do you think of this support article?" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Still need help?" })).toHaveCount(0);

    // A full page load at the same address: rendered for this request only, never cached.
    const response = await page.goto(`/articles/${PLAYBOOK.slug}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toMatch(/no-store/);
    expect(response?.headers()["x-cache"]).toBeUndefined();
    expect(response?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
    await expect(page.getByRole("complementary", { name: "Internal — staff only" })).toBeVisible();

    // The results page marks it too, and records nothing: staff searches are not customers'.
    await page.goto("/search?q=on-call%20engineer");
    const found = page.locator("[data-search-results]").getByRole("link").filter({ hasText: PLAYBOOK.title });
    await expect(found).toContainText("Internal");
  });

  test("the article list shows and filters the audience, and the editor marks an article internal with a labelled control", async ({
    agentPage: page,
    agent,
    db,
  }) => {
    await page.goto("/staff/articles");
    await page.getByLabel("Audience").selectOption({ label: "Internal (staff only)" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/audience=internal/);
    const rows = page.locator("table tbody tr");
    await expect(rows.filter({ hasText: PLAYBOOK.title })).toContainText("Internal");
    await expect(rows.filter({ hasText: "The difference between IMAP and POP" })).toHaveCount(0);

    const word = token();
    const { id, slug } = await seedPublishedArticle(db, agent, {
      slug: `handover-${word}`,
      title: `Shift handover notes ${word}`,
      body: "## Before you leave\n\nWrite down the open incidents.\n",
    });
    await page.goto(`/staff/articles/${id}`);
    const everyone = page.getByRole("radio", { name: "Everyone", exact: true });
    const staffOnly = page.getByRole("radio", { name: "Staff only", exact: true });
    await expect(page.getByRole("group", { name: "Who can read it" })).toBeVisible();
    await expect(everyone).toBeChecked();
    await expect(page.getByRole("group", { name: "Who can read it" })).not.toHaveAccessibleDescription(/page not found/);
    await staffOnly.check();
    // What the choice means is said beside it, and read out with the group.
    await expect(page.getByRole("group", { name: "Who can read it" })).toHaveAccessibleDescription(/only signed-in staff can open or find it/);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { audience: true } })).toEqual({ audience: "internal" });
    await page.goto(`/articles/${slug}`);
    await expect(page.getByRole("complementary", { name: "Internal — staff only" })).toBeVisible();
  });
});

test.describe("Internal articles, for everyone else", () => {
  test("answer 404 to every anonymous request, whatever its headers or session cookie, exactly like an address that never existed", async ({
    request,
    db,
    agent,
  }) => {
    const unknown = await request.get(`/articles/never-existed-${token()}`);
    expect(unknown.status()).toBe(404);
    const notFoundPage = await unknown.text();
    // A session that was real and has expired.
    const expired = await staffCookie(db, agent);
    const expiredToken = expired.split("=")[1]!;
    await db.staffSession.update({ where: { tokenHash: hashToken(expiredToken) }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const cookies = [
      undefined,
      `${SESSION_COOKIE}=not-a-session`,
      `${SESSION_COOKIE}=${"x".repeat(43)}`,
      expired,
      `hc_staff=${expiredToken}`,
      "hc_staff_hint=1; __Host-hc_staff_hint=1",
    ];

    for (const path of [`/articles/${PLAYBOOK.slug}`, `/internal-articles/${PLAYBOOK.slug}`, "/internal-articles", `/internal-articles/${PLAYBOOK.slug}/x`]) {
      for (const headers of HEADER_TRICKS) {
        for (const cookie of cookies) {
          const where = `GET ${path} with ${JSON.stringify(headers)} and cookie ${cookie ?? "none"}`;
          const response = await request.get(path, { headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) } });
          expect(response.status(), where).toBe(404);
          const body = await expectHidden(response, [PLAYBOOK.title, PLAYBOOK.bodyText, "Internal — staff only"], where);
          expect(response.headers()["x-cache"], where).toBeUndefined();
          // A plain page load gets the very page an unknown address gets: nothing tells them apart.
          if (Object.keys(headers).length === 0 && !cookie && path.startsWith("/articles/")) expect(body, where).toBe(notFoundPage);
        }
      }
      const head = await request.head(path);
      expect(head.status(), `HEAD ${path}`).toBe(404);
    }
  });

  test("are never kept by the page cache, even after a staff member read the page", async ({ request, db, agent }) => {
    const path = `/articles/${PLAYBOOK.slug}`;
    const secrets = [PLAYBOOK.title, PLAYBOOK.bodyText];
    for (let i = 0; i < 2; i++) {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
      await expectHidden(response, secrets, `anonymous request ${i + 1}`);
    }
    const cookie = await staffCookie(db, agent);
    for (let i = 0; i < 2; i++) {
      const read = await request.get(path, { headers: { Cookie: cookie } });
      expect(read.status()).toBe(200);
      expect(await read.text()).toContain(PLAYBOOK.bodyText);
      expect(read.headers()["x-cache"], "a staff read answered from the cache").toBeUndefined();
    }
    for (const headers of [{}, { "Accept-Encoding": "gzip" }, { "Accept-Encoding": "identity" }, { "If-None-Match": "*" }] as Record<string, string>[]) {
      for (let i = 0; i < 2; i++) {
        const response = await request.get(path, { headers });
        expect(response.status(), JSON.stringify(headers)).toBe(404);
        expect(response.headers()["x-cache"]).toBeUndefined();
        await expectHidden(response, secrets, `anonymous request after staff read it, ${JSON.stringify(headers)}`);
      }
    }
  });

  test("are missing from the search index file, /api/search, the results page and the staff search without a session", async ({ request }) => {
    const secrets = [PLAYBOOK.slug, PLAYBOOK.title, "on-call"];
    const home = await (await request.get("/")).text();
    const indexUrl = /\/search-index\/[0-9a-f]{16}\.json/.exec(home)?.[0];
    expect(indexUrl).toBeTruthy();
    const index = await request.get(indexUrl!);
    expect(index.status()).toBe(200);
    const json = await expectHidden(index, secrets, "the search index file");
    expect((JSON.parse(json) as { docs: unknown[]; internal?: unknown }).internal).toBeUndefined();
    expect((JSON.parse(json) as { docs: unknown[] }).docs.length).toBeGreaterThan(60);

    // The answers repeat the query, so they are searched for what only the article holds.
    const found = [`/articles/${PLAYBOOK.slug}`, `"slug":"${PLAYBOOK.slug}"`, PLAYBOOK.bodyText, "Support team playbook"];
    for (const q of [PLAYBOOK.title, "mailbox outage", "on-call engineer", "escalate", PLAYBOOK.slug]) {
      const api = await request.get(`/api/search?q=${encodeURIComponent(q)}&limit=50`);
      expect(api.status()).toBe(200);
      await expectHidden(api, found, `/api/search?q=${q}`);
      await expectHidden(await request.get(`/search?q=${encodeURIComponent(q)}`), found, `/search?q=${q}`);
      const staffSearch = await request.get(`/api/staff/search?q=${encodeURIComponent(q)}`, { headers: { Cookie: "__Host-hc_staff_hint=1" } });
      expect(staffSearch.status()).toBe(401);
      expect(await staffSearch.json()).toEqual({ error: expect.stringMatching(/sign in/i) });
      // The hint cookie that sent the search box there goes.
      expect(staffSearch.headers()["set-cookie"]).toMatch(/hc_staff_hint=;.*Max-Age=0/);
    }
  });

  test("are in none of the lists made for machines, nor have a Markdown copy or a share card, even for staff", async ({ request, db, agent }) => {
    const secrets = [PLAYBOOK.slug, PLAYBOOK.title, PLAYBOOK.bodyText];
    for (const path of ["/sitemap.xml", "/feed.xml", "/llms.txt", "/llms-full.txt"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const body = await expectHidden(response, secrets, path);
      expect(body, `${path} lists public articles`).toContain("/articles/");
    }
    const cookie = await staffCookie(db, agent);
    for (const headers of [{}, { Cookie: cookie }] as Record<string, string>[]) {
      for (const path of [`/articles/${PLAYBOOK.slug}.md`, `/article-markdown/${PLAYBOOK.slug}`, `/articles/${PLAYBOOK.slug}/og.png`]) {
        const response = await request.get(path, { headers });
        expect(response.status(), `${path} ${headers.Cookie ? "as staff" : "anonymously"}`).toBe(404);
        await expectHidden(response, secrets.slice(1), path);
      }
    }
  });

  test("refuse customers' votes, views, contact requests and search opens like an unknown article, storing nothing", async ({ request, db }) => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: PLAYBOOK.slug }, select: { id: true } });
    const stored = () =>
      Promise.all([
        db.feedback.count({ where: { articleId: article.id } }),
        db.articleViewDay.count({ where: { articleId: article.id } }),
        db.contactRequest.count({ where: { articleId: article.id } }),
        db.searchEvent.count({ where: { openedSlug: PLAYBOOK.slug } }),
      ]);
    const before = await stored();

    expect((await request.post("/api/feedback", { data: { article: PLAYBOOK.slug, rating: "happy" } })).status()).toBe(404);
    expect((await request.post("/api/feedback", { data: { article: PLAYBOOK.slug, rating: "sad", comment: "Where is the on-call rota?" } })).status()).toBe(
      404,
    );
    // Asking for one's own vote answers as for an article that never existed.
    for (const cookie of [undefined, `hc_visitor=${randomUUID()}`]) {
      const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
      const never = `never-existed-${token()}`;
      const internal = await request.get(`/api/feedback?article=${PLAYBOOK.slug}`, { headers });
      const unknown = await request.get(`/api/feedback?article=${never}`, { headers });
      expect([internal.status(), (await internal.text()).replace(PLAYBOOK.slug, "…")]).toEqual([unknown.status(), (await unknown.text()).replace(never, "…")]);
    }
    expect((await request.post("/api/views", { data: { article: PLAYBOOK.slug } })).status()).toBe(404);
    const contact = await request.post("/api/contact", {
      data: {
        name: "Jo Citizen",
        email: "jo@example.com",
        message: "Our mail has stopped since this morning.",
        article: PLAYBOOK.slug,
        website: "",
        formToken: await contactFormToken(db),
      },
    });
    expect(contact.status()).toBe(422);
    expect(await contact.json()).toMatchObject({ fields: { article: "is not a published article" } });
    const search = await request.post("/api/search-events", { data: { query: "mailbox outage", resultCount: 1, openedSlug: PLAYBOOK.slug } });
    expect(search.status()).toBe(422);
    await expectHidden(await request.get(`/contact?article=${PLAYBOOK.slug}`), [PLAYBOOK.title], "the contact page");

    expect(await stored()).toEqual(before);
  });

  test("are never linked from public pages: not as a related article, in its category or among popular articles", async ({ request, db, agent }) => {
    const word = token();
    // Sorts first in its category, is the most read, and a public article names it: every list
    // that forgot the filter would show it.
    const internal = await seedPublishedArticle(db, agent, {
      slug: `aaa-internal-${word}`,
      title: `Aaa internal runbook ${word}`,
      audience: "internal",
      body: "## Steps\n\nRestart the queue.\n",
    });
    await db.articleViewDay.create({ data: { articleId: internal.id, day: new Date().toISOString().slice(0, 10), count: 100_000 } });
    const pub = await seedPublishedArticle(db, agent, {
      slug: `aaa-public-${word}`,
      title: `Aaa public answer ${word}`,
      related: [internal.slug],
      body: "## Steps\n\nOpen webmail.\n",
    });

    const secrets = [internal.slug, `Aaa internal runbook ${word}`];
    const page = await request.get(`/articles/${pub.slug}`);
    expect(page.status()).toBe(200);
    const html = await expectHidden(page, secrets, "the public article that names it as related");
    expect(html).toContain('id="related"'); // the related list is there, filled from the category
    await expectHidden(await request.get("/categories/email"), secrets, "its category page");
    await expectHidden(await request.get("/"), secrets, "the home page");
    await expectHidden(await request.get(`/articles/no-such-${word}`), secrets, "the 404 page's popular articles");
    expect((await request.get(`/articles/${internal.slug}`)).status()).toBe(404);
  });

  test("a public article made internal in the editor is gone from every cache at once, and from the pages that linked it", async ({
    agentPage,
    agent,
    db,
    request,
  }) => {
    const word = token();
    const target = await seedPublishedArticle(db, agent, {
      slug: `going-internal-${word}`,
      title: `Going internal ${word}`,
      body: "## Steps\n\nSoon for staff only.\n",
    });
    const linking = await seedPublishedArticle(db, agent, {
      slug: `links-to-it-${word}`,
      title: `Links to it ${word}`,
      related: [target.slug],
      body: "## Steps\n\nSee the related article.\n",
    });
    // Both in the page cache (other tests' publishes empty it: ask until a visit is answered from memory).
    await expect.poll(async () => (await request.get(`/articles/${target.slug}`)).headers()["x-cache"]).toBe("HIT");
    await expect.poll(async () => (await request.get(`/articles/${linking.slug}`)).headers()["x-cache"]).toBe("HIT");
    expect(await (await request.get(`/articles/${linking.slug}`)).text()).toContain(`Going internal ${word}`);

    await agentPage.goto(`/staff/articles/${target.id}`);
    await agentPage.getByRole("radio", { name: "Staff only", exact: true }).check();
    await agentPage.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(agentPage.getByRole("status").filter({ hasText: "Published." })).toBeVisible();

    // No waiting: the next anonymous requests already miss it.
    const gone = await request.get(`/articles/${target.slug}`);
    expect(gone.status()).toBe(404);
    await expectHidden(gone, [`Going internal ${word}`, "Soon for staff only"], "the article made internal");
    await expectHidden(await request.get(`/articles/${linking.slug}`), [`Going internal ${word}`, target.slug], "the page that listed it as related");
    await expect.poll(async () => JSON.stringify(await (await request.get(`/api/search?q=${word}`)).json())).not.toContain(target.slug);
  });
});
