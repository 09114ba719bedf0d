// What search engines and link previews get from the help center: robots.txt and the sitemap,
// canonical addresses, Open Graph and Twitter cards with a picture drawn per article, structured
// data (JSON-LD) that survives the Content-Security-Policy, and a 404 that is whole without
// JavaScript. Absolute URLs come from SITE_URL, which the suite sets to its own server.
import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { customerVisible } from "../../lib/articles/visibility";
import { E2E_PORT } from "./constants";
import { expect, seedPublishedArticle, test } from "./staff-fixtures";
import { localePath } from "../../lib/i18n/locales";

const SITE = `http://127.0.0.1:${E2E_PORT}`;
const ARTICLE = "the-difference-between-imap-and-pop";

async function headTags(page: Page) {
  return page.evaluate(() => {
    const meta = (key: string) => document.head.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content") ?? null;
    const link = (selector: string) => document.head.querySelector(`link${selector}`)?.getAttribute("href") ?? null;
    return {
      canonical: link('[rel="canonical"]'),
      robots: meta("robots"),
      markdown: link('[rel="alternate"][type="text/markdown"]'),
      feed: link('[rel="alternate"][type="application/atom+xml"]'),
      search: link('[rel="search"][type="application/opensearchdescription+xml"]'),
      ogTitle: meta("og:title"),
      ogType: meta("og:type"),
      ogUrl: meta("og:url"),
      ogImage: meta("og:image"),
      ogImageWidth: meta("og:image:width"),
      ogSiteName: meta("og:site_name"),
      twitterCard: meta("twitter:card"),
      twitterImage: meta("twitter:image"),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent ?? "null") as unknown),
    };
  });
}

/** Every JSON-LD object on the page, arrays flattened. */
const ldObjects = (jsonLd: unknown[]) => jsonLd.flatMap((item) => (Array.isArray(item) ? item : [item])) as Record<string, unknown>[];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(body: Buffer) {
  expect(body.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

async function expectCard(request: APIRequestContext, url: string | null) {
  expect(url).toMatch(new RegExp(`^${SITE}/`));
  const response = await request.get(url!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
}

test.describe("robots.txt and the sitemap", () => {
  test("robots.txt names the sitemap and keeps crawlers out of the staff area, the API and search results", async ({ request }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    for (const path of ["/staff", "/api/", "/search"]) expect(text).toContain(`Disallow: ${path}`);
  });

  test("the sitemap lists every published article and category with the date it last changed", async ({ request, page, db }) => {
    const response = await request.get("/sitemap.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/xml; charset=utf-8");
    const xml = await response.text();
    await page.goto("/robots.txt");
    const entries = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, "application/xml");
      if (doc.querySelector("parsererror")) throw new Error("the sitemap is not well-formed XML");
      return [...doc.getElementsByTagName("url")].map((url) => ({
        loc: url.getElementsByTagName("loc")[0]?.textContent,
        lastmod: url.getElementsByTagName("lastmod")[0]?.textContent ?? null,
      }));
    }, xml);
    const published = await db.article.findMany({ where: customerVisible, select: { slug: true, locale: true, contentUpdatedAt: true } });
    expect(published.length).toBeGreaterThan(50);
    const bySlug = new Map(entries.map((entry) => [entry.loc, entry.lastmod]));
    // Other tests publish meanwhile: each article that was published when the sitemap was read is in it.
    // Translations at their own language's addresses (/de/articles/…), each naming the others.
    const missing = published.filter((article) => !bySlug.has(`${SITE}${localePath(article.locale, `/articles/${article.slug}`)}`));
    expect(missing.length).toBeLessThanOrEqual(2);
    expect(bySlug.get(`${SITE}/articles/${ARTICLE}`)).toBe(
      published
        .find((a) => a.slug === ARTICLE)!
        .contentUpdatedAt.toISOString()
        .slice(0, 10),
    );
    expect(bySlug.get(`${SITE}/categories/email`)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(bySlug.has(`${SITE}/`)).toBe(true);
    expect(bySlug.has(`${SITE}/de`)).toBe(true);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="de-DE" href="${SITE}/de/articles/imap-oder-pop"/>`);
    expect([...bySlug.keys()].every((loc) => loc?.startsWith(`${SITE}/`) && !loc.includes("/staff"))).toBe(true);
  });
});

test.describe("page metadata", () => {
  test("an article has its canonical address, Markdown copy, share cards and a picture of its own @mobile", async ({ page, request }) => {
    await page.goto(`/articles/${ARTICLE}`);
    const tags = await headTags(page);
    expect(tags).toMatchObject({
      canonical: `${SITE}/articles/${ARTICLE}`,
      markdown: `${SITE}/articles/${ARTICLE}.md`,
      feed: `${SITE}/feed.xml`,
      search: `${SITE}/opensearch.xml`,
      ogTitle: "The difference between IMAP and POP",
      ogType: "article",
      ogUrl: `${SITE}/articles/${ARTICLE}`,
      ogImageWidth: "1200",
      ogSiteName: "Harbour Help",
      twitterCard: "summary_large_image",
      robots: null,
    });
    expect(tags.twitterImage).toBe(tags.ogImage);
    expect(tags.ogImage).toMatch(new RegExp(`^${SITE}/articles/${ARTICLE}/og\\.png\\?v=`));
    await expectCard(request, tags.ogImage);
  });

  test("home, category, contact and search pages have canonical addresses and share cards", async ({ page, request }) => {
    for (const [path, canonical] of [
      ["/", `${SITE}/`],
      ["/categories/email", `${SITE}/categories/email`],
      ["/contact", `${SITE}/contact`],
      ["/search?q=imap&utm_source=x", `${SITE}/search?q=imap`],
    ] as const) {
      await page.goto(path);
      const tags = await headTags(page);
      // new URL(): Next writes the home page's address without its final slash, which is the same address.
      expect(new URL(tags.canonical!).href, path).toBe(canonical);
      expect(new URL(tags.ogUrl!).href, path).toBe(canonical);
      expect(tags.twitterCard, path).toBe("summary_large_image");
      expect(tags.feed, path).toBe(`${SITE}/feed.xml`);
      expect(tags.search, path).toBe(`${SITE}/opensearch.xml`);
      expect(tags.ogImage, path).toBe(`${SITE}/og.png`);
    }
    await expectCard(request, `${SITE}/og.png`);
  });

  test("contact pages that carry an article or a query point search engines at /contact", async ({ page }) => {
    for (const path of [`/contact?article=${ARTICLE}`, "/contact?q=cannot+log+in"]) {
      await page.goto(path);
      expect((await headTags(page)).canonical, path).toBe(`${SITE}/contact`);
    }
  });

  test("search results are kept out of search engines", async ({ page }) => {
    await page.goto("/search?q=imap");
    expect((await headTags(page)).robots).toBe("noindex, follow");
  });

  test("staff pages are never indexed", async ({ request }) => {
    const response = await request.get("/staff/sign-in");
    expect(response.headers()["x-robots-tag"]).toBe("noindex, nofollow");
    expect(await response.text()).toContain('<meta name="robots" content="noindex, nofollow"/>');
  });

  test("the site has a favicon.ico", async ({ request }) => {
    const response = await request.get("/favicon.ico");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    expect((await response.body()).subarray(0, 4).toString("hex")).toBe("00000100");
  });
});

test.describe("structured data", () => {
  test("an article describes itself and its breadcrumb trail, and the policy blocks nothing", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    const response = await page.goto(`/articles/${ARTICLE}`);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
    const objects = ldObjects((await headTags(page)).jsonLd);
    expect(objects.map((object) => object["@type"])).toEqual(["Article", "BreadcrumbList"]);
    expect(objects[0]).toMatchObject({
      "@context": "https://schema.org",
      headline: "The difference between IMAP and POP",
      url: `${SITE}/articles/${ARTICLE}`,
      articleSection: "Email",
      author: { "@type": "Organization", name: "Harbour Hosting" },
    });
    expect(String(objects[0]!.image)).toMatch(new RegExp(`^${SITE}/articles/${ARTICLE}/og\\.png`));
    expect(objects[1]).toMatchObject({
      itemListElement: [
        { position: 1, name: "Home", item: `${SITE}/` },
        { position: 2, name: "Email", item: `${SITE}/categories/email` },
        { position: 3, name: "The difference between IMAP and POP", item: `${SITE}/articles/${ARTICLE}` },
      ],
    });
    // The page is alive (its scripts ran) and nothing was refused.
    await page.getByRole("button", { name: "Happy" }).waitFor();
    expect(problems).toEqual([]);
  });

  test("the home page describes the site with a search box that search engines can use", async ({ page }) => {
    await page.goto("/");
    const [website] = ldObjects((await headTags(page)).jsonLd);
    expect(website).toMatchObject({
      "@type": "WebSite",
      name: "Harbour Help",
      url: `${SITE}/`,
      potentialAction: { "@type": "SearchAction", "query-input": "required name=search_term_string" },
    });
    const template = (website!.potentialAction as { target: { urlTemplate: string } }).target.urlTemplate;
    expect(template).toBe(`${SITE}/search?q={search_term_string}`);
    await page.goto(template.replace("{search_term_string}", "imap"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “imap”");
  });

  test("a questions-and-answers article is an FAQPage; a title with < and & cannot break out of its script", async ({ page, db, editor }) => {
    const word = randomUUID().slice(0, 8);
    const title = `Q&A ${word}: </script><script>window.pwned=1</script> <!-- & more`;
    const { slug } = await seedPublishedArticle(db, editor, {
      slug: `faq-${word}`,
      title,
      body: "Short answers to common questions.\n\n## Can I keep my email address?\n\nYes. Moving keeps every **address**.\n\n## How long does a move take?\n\n<Note>\n\nAbout a day.\n\n</Note>\n",
    });
    try {
      await page.goto(`/articles/${slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      const objects = ldObjects((await headTags(page)).jsonLd);
      expect(objects.map((object) => object["@type"])).toEqual(["Article", "BreadcrumbList", "FAQPage"]);
      expect(objects[0]!.headline).toBe(title);
      expect(objects[2]).toMatchObject({
        mainEntity: [
          { "@type": "Question", name: "Can I keep my email address?", acceptedAnswer: { "@type": "Answer", text: "Yes. Moving keeps every address." } },
          { "@type": "Question", name: "How long does a move take?", acceptedAnswer: { "@type": "Answer", text: "About a day." } },
        ],
      });
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
      const html = await (await page.request.get(`/articles/${slug}`)).text();
      const scripts = html.match(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g) ?? [];
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).not.toMatch(/<(?!script type|\/script>$)|<!--/);
    } finally {
      await db.article.update({ where: { slug }, data: { deletedAt: new Date() } });
    }
  });

  test("an article that is not all questions has no FAQPage", async ({ page }) => {
    await page.goto("/articles/refund-policy");
    expect(ldObjects((await headTags(page)).jsonLd).map((object) => object["@type"])).toEqual(["Article", "BreadcrumbList"]);
  });
});

test.describe("the Content-Security-Policy", () => {
  test("refuses nothing on home, an article (with its JSON-LD), search and contact: no console error, no CSP issue in DevTools", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
    // What Lighthouse's "Issues were logged" reads: a CSP refusal that the page's code caught (such
    // as a library probing whether it may eval) shows there and nowhere else.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Audits.enable");
    cdp.on("Audits.issueAdded", ({ issue }) => {
      if (issue.code === "ContentSecurityPolicyIssue") problems.push(`${page.url()}: ${JSON.stringify(issue.details).slice(0, 300)}`);
    });
    for (const path of ["/", `/articles/${ARTICLE}`, "/search?q=imap", "/contact", `/contact?article=${ARTICLE}`]) {
      await page.goto(path, { waitUntil: "networkidle" });
    }
    expect(problems).toEqual([]);
  });
});

test.describe("unknown articles", () => {
  test("answer 404 with the whole page and its language in the HTML, before any JavaScript", async ({ request }) => {
    const response = await request.get("/articles/no-such-article-at-all");
    expect(response.status()).toBe(404);
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en-AU"/);
    expect(html).toMatch(/<h1[^>]*>We couldn(&#x27;|')t find that page<\/h1>/);
    expect(html).toContain("Popular articles");
    expect(html).not.toContain('rel="canonical"');
  });
});
