// The library for machines: each article as Markdown at /articles/<slug>.md, /llms.txt and
// /llms-full.txt, the Atom feed and the OpenSearch description, over real HTTP. Only what
// customers may read is ever in them: an article that is unpublished, archived, deleted or never
// published is in none.
import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { customerVisible } from "../../lib/articles/visibility";
import type { Database } from "../../lib/db-client";
import { E2E_PORT } from "./constants";
import { expect, seedPublishedArticle, test } from "./staff-fixtures";

const SITE = `http://127.0.0.1:${E2E_PORT}`;
const ARTICLE = "the-difference-between-imap-and-pop";

async function text(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return { body: await response.text(), type: response.headers()["content-type"], headers: response.headers() };
}

/** Parses XML in the browser: throws when it is not well-formed. */
async function parseXml<T>(page: Page, xml: string, read: string): Promise<T> {
  if (!page.url().startsWith(SITE)) await page.goto("/robots.txt");
  return page.evaluate(
    ([source, reader]) => {
      const doc = new DOMParser().parseFromString(source, "application/xml");
      if (doc.querySelector("parsererror")) throw new Error(`not well-formed XML: ${doc.querySelector("parsererror")!.textContent}`);
      return (new Function("doc", reader) as (doc: Document) => unknown)(doc);
    },
    [xml, read] as const,
  ) as Promise<T>;
}

test.describe("Markdown copies of articles", () => {
  test("an article is plain Markdown at its address plus .md, linked from its page", async ({ request, page }) => {
    const { body, type, headers } = await text(request, `/articles/${ARTICLE}.md`);
    expect(type).toBe("text/markdown; charset=utf-8");
    expect(headers["link"]).toBe(`<${SITE}/articles/${ARTICLE}>; rel="canonical"`);
    expect(body).toMatch(/^# The difference between IMAP and POP\n\n> How IMAP and POP handle your mail/);
    expect(body).toContain("## How POP works");
    expect(body).toContain("> **Tip:** Unsure? Choose IMAP.");
    expect(body).toMatch(/\n1\. \*\*Back up\*\*/);
    expect(body).toMatch(/\| Incoming port, SSL\/TLS +\| 993 +\| 995 +\|/);
    expect(body).toContain(`](${SITE}/articles/email-client-settings)`);
    expect(body).not.toMatch(/<\/?(Tip|Warning|Note|Steps|Kbd|Var)\b/);

    await page.goto(`/articles/${ARTICLE}`);
    const href = await page.locator('head link[rel="alternate"][type="text/markdown"]').getAttribute("href");
    expect(href).toBe(`${SITE}/articles/${ARTICLE}.md`);
  });

  test("an unknown, malformed or internal address answers 404 with the site's page", async ({ request }) => {
    for (const path of [
      "/articles/no-such-article.md",
      "/articles/Bad_Slug.md",
      "/articles/.md",
      `/articles/${ARTICLE}.md.md`,
      `/article-markdown/${ARTICLE}`,
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()["content-type"], path).toMatch(/^text\/html/);
      expect(await response.text(), path).toContain("We couldn");
    }
  });

  test("a renamed article's old .md address redirects to the new one", async ({ request, db, editor }) => {
    const word = randomUUID().slice(0, 8);
    const { id, slug } = await seedPublishedArticle(db, editor, {
      slug: `md-new-${word}`,
      title: `Renamed markdown ${word}`,
      body: "Where the article lives now.\n",
    });
    await db.slugRedirect.create({ data: { fromSlug: `md-old-${word}`, articleId: id } });
    try {
      const response = await request.get(`/articles/md-old-${word}.md`, { maxRedirects: 0 });
      expect(response.status()).toBe(308);
      expect(response.headers()["location"]).toBe(`/articles/${slug}.md`);
      expect((await text(request, `/articles/md-old-${word}.md`)).body).toContain(`# Renamed markdown ${word}`);
    } finally {
      await db.article.update({ where: { id }, data: { deletedAt: new Date() } });
    }
  });
});

test.describe("llms.txt and llms-full.txt", () => {
  test("llms.txt names the site, sums it up and links every published article's Markdown by category", async ({ request, db }) => {
    const { body, type } = await text(request, "/llms.txt");
    expect(type).toBe("text/plain; charset=utf-8");
    const lines = body.split("\n");
    expect(lines[0]).toBe("# Harbour Help");
    expect(lines[2]).toMatch(/^> Guides and answers/);
    expect(body).toContain(`${SITE}/llms-full.txt`);
    expect(body).toMatch(/\n## Getting started\n\n- \[/);
    expect(body).toContain(`- [The difference between IMAP and POP](${SITE}/articles/${ARTICLE}.md): How IMAP and POP handle your mail`);
    const linked = new Set([...body.matchAll(/\]\(http:\/\/127\.0\.0\.1:\d+\/articles\/([a-z0-9-]+)\.md\)/g)].map((match) => match[1]));
    // llms.txt is the default language's library: translations are not in it.
    const published = await db.article.findMany({ where: { ...customerVisible, locale: "en" }, select: { slug: true } });
    // Other tests publish meanwhile: allow for one or two that arrived after the list was read.
    expect(published.filter((article) => !linked.has(article.slug)).length).toBeLessThanOrEqual(2);
  });

  test("llms-full.txt holds every article's Markdown", async ({ request }) => {
    const { body, type } = await text(request, "/llms-full.txt");
    expect(type).toBe("text/plain; charset=utf-8");
    expect(body).toMatch(/^# Harbour Help\n\n> /);
    expect(body).toContain("\n---\n\n# The difference between IMAP and POP\n");
    expect(body).toContain("\n---\n\n# Log in to the Client Area\n");
    expect(body).toContain("> **Tip:** Unsure? Choose IMAP.");
    expect(body.split("\n---\n").length).toBeGreaterThan(50);
  });
});

test.describe("the Atom feed and OpenSearch", () => {
  test("the feed lists the newest articles, newest first, and every page links it", async ({ request, page }) => {
    const { body, type } = await text(request, "/feed.xml");
    expect(type).toBe("application/atom+xml; charset=utf-8");
    const feed = await parseXml<{ root: string; self: string | null; entries: { title: string; href: string; updated: string }[] }>(
      page,
      body,
      `const atom = "http://www.w3.org/2005/Atom";
       return {
         root: doc.documentElement.namespaceURI + " " + doc.documentElement.localName,
         self: doc.querySelector('feed > link[rel="self"]')?.getAttribute("href") ?? null,
         entries: [...doc.getElementsByTagNameNS(atom, "entry")].map((entry) => ({
           title: entry.getElementsByTagNameNS(atom, "title")[0].textContent,
           href: entry.querySelector('link[rel="alternate"][type="text/html"]').getAttribute("href"),
           updated: entry.getElementsByTagNameNS(atom, "updated")[0].textContent,
         })),
       };`,
    );
    expect(feed.root).toBe("http://www.w3.org/2005/Atom feed");
    expect(feed.self).toBe(`${SITE}/feed.xml`);
    expect(feed.entries.length).toBeGreaterThan(10);
    expect(feed.entries.length).toBeLessThanOrEqual(30);
    const times = feed.entries.map((entry) => Date.parse(entry.updated));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(feed.entries.every((entry) => entry.href.startsWith(`${SITE}/articles/`))).toBe(true);

    await page.goto("/");
    expect(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute("href")).toBe(`${SITE}/feed.xml`);
  });

  test("the OpenSearch description lets a browser search the help center from its address bar", async ({ request, page }) => {
    const { body, type } = await text(request, "/opensearch.xml");
    expect(type).toBe("application/opensearchdescription+xml; charset=utf-8");
    const template = await parseXml<string>(page, body, `return doc.querySelector('Url[type="text/html"]').getAttribute("template");`);
    expect(template).toBe(`${SITE}/search?q={searchTerms}`);
    await page.goto("/");
    expect(await page.locator('head link[rel="search"]').getAttribute("href")).toBe(`${SITE}/opensearch.xml`);
    await page.goto(template.replace("{searchTerms}", encodeURIComponent("imap pop")));
    await expect(page.locator("[data-search-results] li").first()).toContainText("IMAP");
  });
});

/** Where the seeded article shows in each machine-readable output, read until `expected` holds (the outputs follow the database within a second). */
async function expectEverywhere(
  request: APIRequestContext,
  page: Page,
  { slug, title, word }: { slug: string; title: string; word: string },
  expected: boolean,
) {
  await expect
    .poll(
      async () => {
        const [sitemap, llms, full, feed, markdown, search] = await Promise.all([
          request.get("/sitemap.xml").then((r) => r.text()),
          request.get("/llms.txt").then((r) => r.text()),
          request.get("/llms-full.txt").then((r) => r.text()),
          request.get("/feed.xml").then((r) => r.text()),
          request.get(`/articles/${slug}.md`),
          request.get(`/search?q=${encodeURIComponent(word)}`).then((r) => r.text()),
        ]);
        return {
          sitemap: sitemap.includes(`/articles/${slug}<`),
          llms: llms.includes(`/articles/${slug}.md)`),
          full: full.includes(word),
          feed: feed.includes(`/articles/${slug}"`),
          markdown: markdown.status() === 200,
          search: search.includes(`href="/articles/${slug}"`),
        };
      },
      { timeout: 30_000 },
    )
    .toEqual({ sitemap: expected, llms: expected, full: expected, feed: expected, markdown: expected, search: expected });
  if (expected) {
    // The title, which holds markup characters, reads back exactly from the XML documents.
    const feedTitles = await parseXml<string[]>(
      page,
      await (await request.get("/feed.xml")).text(),
      `return [...doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")].map((e) => e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title")[0].textContent);`,
    );
    expect(feedTitles).toContain(title);
  }
}

async function changeArticle(db: Database, id: string, data: { status?: string; deletedAt?: Date | null; audience?: "public" | "internal" }) {
  await db.article.update({ where: { id }, data });
}

test.describe("only what customers may read", () => {
  test("an article is in every output while published, and in none once unpublished, archived, internal or deleted", async ({ request, page, db, editor }) => {
    const word = `zqm${randomUUID().slice(0, 8)}`;
    const title = `Tom & Jerry's <b>${word}</b> "quotes" ]]> guide`;
    const { id, slug } = await seedPublishedArticle(db, editor, {
      slug: `machines-${word}`,
      title,
      description: `A test article about ${word} with <tags> & ampersands in its description.`,
      body: `The word ${word} is in the body.\n\n<Tip>\n\nA tip & a <Kbd>Key</Kbd>.\n\n</Tip>\n`,
    });
    const seeded = { slug, title, word };
    try {
      await expectEverywhere(request, page, seeded, true);
      const markdown = await (await request.get(`/articles/${slug}.md`)).text();
      expect(markdown).toContain(`# Tom & Jerry's \\<b>${word}\\</b> "quotes" \\]\\]> guide`);
      expect(markdown).toContain("> **Tip:** A tip & a `Key`.");

      await changeArticle(db, id, { status: "draft" });
      await expectEverywhere(request, page, seeded, false);
      await changeArticle(db, id, { status: "published" });
      await expectEverywhere(request, page, seeded, true);
      await changeArticle(db, id, { status: "archived" });
      await expectEverywhere(request, page, seeded, false);
      await changeArticle(db, id, { status: "published", audience: "internal" });
      await expectEverywhere(request, page, seeded, false);
      await changeArticle(db, id, { audience: "public" });
      await expectEverywhere(request, page, seeded, true);
      await changeArticle(db, id, { status: "published", deletedAt: new Date() });
      await expectEverywhere(request, page, seeded, false);
    } finally {
      await changeArticle(db, id, { deletedAt: new Date() });
    }
  });

  test("an article that was never published is in no output", async ({ request, page, db, editor }) => {
    const word = `zqd${randomUUID().slice(0, 8)}`;
    const slug = `draft-${word}`;
    await db.article.create({
      data: {
        slug,
        title: `Draft ${word}`,
        description: "A draft that was never published.",
        categorySlug: "email",
        status: "draft",
        contentUpdatedAt: new Date(),
      },
    });
    // Wait until the outputs have caught up with the database (a change after the draft was created), then look.
    const { id } = await seedPublishedArticle(db, editor, { slug: `after-${word}`, title: `After ${word}`, body: `Published after ${word}.\n` });
    try {
      await expectEverywhere(request, page, { slug: `after-${word}`, title: `After ${word}`, word }, true);
      const outputs = await Promise.all(["/sitemap.xml", "/llms.txt", "/llms-full.txt", "/feed.xml"].map(async (path) => (await request.get(path)).text()));
      for (const output of outputs) expect(output).not.toContain(slug);
      expect((await request.get(`/articles/${slug}.md`)).status()).toBe(404);
    } finally {
      await changeArticle(db, id, { deletedAt: new Date() });
      await db.article.delete({ where: { slug } });
    }
  });
});
