// The bad-input catalogue, against the real server: what an anonymous visitor can send to take the
// site down, fill its disk or wreck its data. Every case gets a clear 4xx (or, for a search, a
// harmless page), stores nothing, and leaves the server answering as before.
import { readdirSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { E2E_DIST_DIR, E2E_PORT } from "./constants";
import { expect, test } from "./fixtures";

/** A request sent exactly as written: no URL normalisation, so ".." and %2F reach the server as they are. */
function raw(target: string, { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: E2E_PORT, path: target, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** The newest modification time of any file under the build folder: the server must write nothing there. */
function newestWrite(dir = path.resolve(E2E_DIST_DIR)): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const isSiteNotFound = (html: string) => /<html lang="en-AU"/.test(html) && /We couldn(?:'|&#x27;)t find that page/.test(html);

test.describe("unknown and malformed addresses", () => {
  test("answer the server-rendered 404 page, and leave nothing on disk", async () => {
    const before = newestWrite();
    const targets = [
      ...Array.from({ length: 40 }, (_, i) => `/articles/no-such-article-${i}-${Date.now()}`),
      ...Array.from({ length: 10 }, (_, i) => `/categories/no-such-category-${i}`),
      "/articles/..%2F..%2Fetc%2Fpasswd",
      "/articles/%252e%252e",
      "/articles/a%5Cb",
      "/articles/MX-RECORDS",
      "/articles/mx-r%D0%B5cords", // a Cyrillic "е" in a real slug
      `/articles/${"a".repeat(300)}`,
      "/articles/%00",
    ];
    for (const target of targets) {
      const answer = await raw(target);
      expect(answer.status, target).toBe(404);
      expect(isSiteNotFound(answer.text), `${target} is the site's own 404, rendered on the server`).toBe(true);
    }
    // A path that climbs out is answered as the path it resolves to, never as a file.
    expect((await raw("/articles/../../etc/passwd")).text).not.toMatch(/root:x:0/);
    expect(newestWrite()).toBe(before);
  });

  test("longer than 4 KB: 414, with a message", async () => {
    const answer = await raw(`/articles/${"a".repeat(5000)}`);
    expect(answer.status).toBe(414);
    expect(answer.text).toMatch(/address is too long/);
    // Past 16 KB Node's own parser refuses the request line: 431, also with a message.
    const huge = await raw(`/search?q=${"a".repeat(100_000)}`);
    expect(huge.status).toBe(431);
    expect(huge.text).toMatch(/too long/);
  });

  test("a renamed article's old address still redirects", async () => {
    // Known addresses pass; the 404 check does not swallow redirects (staff-editor covers renames).
    expect((await raw("/articles/the-difference-between-imap-and-pop")).status).toBe(200);
    expect((await raw("/categories/email")).status).toBe(200);
  });
});

test.describe("search input", () => {
  const queries = [
    "a".repeat(1000),
    "^$|*.+?()[]{}\\'=!~@#",
    "' OR 1=1 --",
    "\u0000nul",
    "\u202Eevil",
    "<script>alert(1)</script>",
    "%ED%A0%80", // a lone surrogate, as UTF-8 bytes
  ];
  for (const query of queries) {
    test(`the search page answers ${JSON.stringify(query.slice(0, 24))} harmlessly`, async ({ request }) => {
      const target = `/search?q=${query === "%ED%A0%80" ? query : encodeURIComponent(query)}`;
      const page = await raw(target);
      expect([200, 400]).toContain(page.status);
      expect(page.text).not.toContain("<script>alert(1)</script>");
      const api = await request.get(`/api/search?q=${query === "%ED%A0%80" ? query : encodeURIComponent(query)}`);
      expect(api.status() === 200 || api.status() === 400, `/api/search answered ${api.status()}`).toBe(true);
      if (api.status() === 400) expect((await api.json()).error).toMatch(/q /);
      // The server still answers.
      expect((await request.get("/")).status()).toBe(200);
    });
  }
});

test.describe("framework headers", () => {
  test("a garbage Next-Action or x-middleware-subrequest changes nothing and reaches nothing", async ({ db }) => {
    const before = await db.contactRequest.count();
    const action = await raw("/contact", {
      method: "POST",
      headers: { "Next-Action": "not-an-action", "Content-Type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    expect(action.status).toBeGreaterThanOrEqual(400);
    expect(action.status).toBeLessThan(500);
    const subrequest = await raw("/staff/users", { headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } });
    expect(subrequest.status).toBe(307);
    expect(subrequest.headers.location).toMatch(/\/staff\/sign-in/);
    expect(await db.contactRequest.count()).toBe(before);
  });
});

test.describe("the page cache", () => {
  test("keeps one copy of a page whatever query string or Host a request brings", async () => {
    // Kept once Next has a fresh copy to give (a stale one, being regenerated, is not kept).
    await expect.poll(async () => (await raw("/articles/mailbox-full")).headers["x-cache"]).toBe("HIT");
    const outcomes: string[] = [];
    for (let i = 0; i < 50; i++) {
      const flooded = await raw(`/articles/mailbox-full?cachebust=${i}`, { headers: { host: `flood-${i}.example`, "x-forwarded-host": `evil-${i}.example` } });
      expect(flooded.status).toBe(200);
      expect(flooded.text).not.toContain(`evil-${i}.example`);
      outcomes.push(String(flooded.headers["x-cache"]));
    }
    // Every address is answered from the one copy. (A publish by another test empties the cache:
    // the next request is then a MISS that fills it again. Keyed on query or Host, all 50 would miss.)
    expect(outcomes.filter((outcome) => outcome === "HIT").length).toBeGreaterThanOrEqual(45);
  });
});

test.describe("Content-Security-Policy", () => {
  test("every page allows its own scripts, by hash, and nothing injected", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const url of ["/", "/articles/mx-records", "/categories/email", "/search?q=dns", "/contact", "/staff/sign-in"]) {
      const response = await page.goto(url);
      const policy = response!.headers()["content-security-policy"] ?? "";
      expect(policy, url).toMatch(/(^|; )default-src 'self'(;|$)/);
      expect(policy, url).toMatch(/(^|; )script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
      expect(policy, url).not.toContain("unsafe-inline'; script");
      expect(policy, url).not.toMatch(/script-src[^;]*unsafe/);
    }
    expect(violations).toEqual([]);
    // The page's own scripts run (the search box answers); one added later does not.
    await page.goto("/");
    await page
      .getByRole("combobox", { name: /search/i })
      .first()
      .fill("mx record");
    await expect(page.getByRole("option").first()).toBeVisible();
    const injected = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      return (window as unknown as { __injected?: boolean }).__injected ?? false;
    });
    expect(injected).toBe(false);
  });
});
