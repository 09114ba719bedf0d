// The page cache in front of Next (lib/page-cache): over real HTTP, with a stand-in for Next that
// answers the way Next does (its Cache-Control and Vary) and counts what it was asked.
import { randomBytes } from "node:crypto";
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { PageStore } from "@/lib/page-cache/store";
import { createPageCache, type FetchPage, type PageCache, type UpstreamResponse } from "@/lib/page-cache/front";
import { parseEnv } from "@/lib/env";
import { acceptsGzip, decideStore } from "@/lib/page-cache/policy";
import { purgePageCache, registerPageCache } from "@/lib/page-cache/purge";

const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";
const ISR_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "s-maxage=60, stale-while-revalidate=31535940",
  vary: NEXT_VARY,
  "x-frame-options": "DENY",
};

function page(html: string, headers: IncomingHttpHeaders = ISR_HEADERS, status = 200): UpstreamResponse {
  return { status, headers: { ...headers }, body: Buffer.from(html) };
}

interface Harness {
  url: string;
  cache: PageCache;
  fetched: string[];
  /** The headers each fill sent Next. */
  fetchedHeaders: Record<string, string>[];
  toNext: string[];
  setPage(path: string, answer: UpstreamResponse | ((url: string) => Promise<UpstreamResponse>)): void;
  clock: { now: number };
}

const servers: http.Server[] = [];
afterEach(async () => {
  registerPageCache(undefined);
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function startHarness(
  options: { maxSeconds?: number; maxEntries?: number; onNext?: (req: http.IncomingMessage, cache: PageCache) => Promise<void> | void } = {},
): Promise<Harness> {
  const pages = new Map<string, UpstreamResponse | ((url: string) => Promise<UpstreamResponse>)>();
  const fetched: string[] = [];
  const fetchedHeaders: Record<string, string>[] = [];
  const toNext: string[] = [];
  const clock = { now: 1_000_000 };
  const fetchPage: FetchPage = async (url, headers) => {
    fetched.push(url);
    fetchedHeaders.push(headers);
    expect(headers["accept-encoding"]).toBe("identity");
    expect(headers.cookie).toBeUndefined();
    const answer =
      pages.get(url.split("?")[0]!) ?? page("<h1>Not found</h1>", { "content-type": "text/html", "cache-control": "private, no-cache, no-store" }, 404);
    return typeof answer === "function" ? answer(url) : answer;
  };
  const cache: PageCache = createPageCache({
    handleByNext: async (req, res) => {
      toNext.push(`${req.method} ${req.url}`);
      await options.onNext?.(req, cache);
      res.writeHead(200, { "content-type": "text/plain", "cache-control": "private, no-store" });
      res.end(`next answered ${req.method} ${req.url}`);
    },
    fetchPage,
    maxSeconds: options.maxSeconds ?? 10,
    maxEntries: options.maxEntries,
    now: () => clock.now,
  });
  const server = http.createServer(cache.handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cache,
    fetched,
    fetchedHeaders,
    toNext,
    setPage: (path, answer) => pages.set(path, answer),
    clock,
  };
}

function request(base: string, path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: init.method ?? "GET", headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("page cache in front of Next", () => {
  it("fetches a shareable page once and answers the next visitors from memory, headers and all", async () => {
    const h = await startHarness();
    h.setPage("/articles/imap", page("<h1>IMAP and POP</h1>"));
    const first = await request(h.url, "/articles/imap");
    const second = await request(h.url, "/articles/imap", { headers: { cookie: "__Host-hc_staff=abc" } });
    expect(first.status).toBe(200);
    expect(first.headers["x-cache"]).toBe("MISS");
    expect(second.headers["x-cache"]).toBe("HIT");
    expect(second.body.toString()).toBe("<h1>IMAP and POP</h1>");
    expect(second.headers["x-frame-options"]).toBe("DENY");
    expect(second.headers["content-length"]).toBe(String("<h1>IMAP and POP</h1>".length));
    expect(h.fetched).toEqual(["/articles/imap"]);
    expect(h.toNext).toEqual([]);
  });

  it("sends gzip to clients that take it, and plain bytes to those that refuse it", async () => {
    const h = await startHarness();
    const html = `<main>${"IMAP keeps mail on the server. ".repeat(200)}</main>`;
    h.setPage("/", page(html));
    const gzipped = await request(h.url, "/", { headers: { "accept-encoding": "br, gzip, deflate" } });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.body.byteLength).toBeLessThan(html.length / 10);
    expect(gunzipSync(gzipped.body).toString()).toBe(html);
    const refused = await request(h.url, "/", { headers: { "accept-encoding": "gzip;q=0, identity" } });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.body.toString()).toBe(html);
    expect(gzipped.headers.vary).toContain("Accept-Encoding");
  });

  it("answers HEAD without a body and a matching If-None-Match with 304", async () => {
    const h = await startHarness();
    h.setPage("/", page("<h1>Help center</h1>"));
    const first = await request(h.url, "/");
    const head = await request(h.url, "/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    expect(head.headers["content-length"]).toBe(String("<h1>Help center</h1>".length));
    const revalidated = await request(h.url, "/", { headers: { "if-none-match": first.headers.etag! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.byteLength).toBe(0);
    const changed = await request(h.url, "/", { headers: { "if-none-match": 'W/"something-else"' } });
    expect(changed.status).toBe(200);
  });

  it.each([
    ["a private page", page("<p>x</p>", { ...ISR_HEADERS, "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" })],
    ["a page that sets a cookie", page("<p>x</p>", { ...ISR_HEADERS, "set-cookie": ["a=b"] })],
    ["a 404", page("<p>x</p>", ISR_HEADERS, 404)],
    ["JSON", page("{}", { ...ISR_HEADERS, "content-type": "application/json" })],
    ["a page that varies on cookies", page("<p>x</p>", { ...ISR_HEADERS, vary: "Cookie, Accept-Encoding" })],
    ["a page without s-maxage", page("<p>x</p>", { ...ISR_HEADERS, "cache-control": "max-age=60" })],
  ])("never keeps %s, and sends that path straight to Next for a while", async (_name, answer) => {
    const h = await startHarness();
    h.setPage("/p", answer);
    const first = await request(h.url, "/p");
    const second = await request(h.url, "/p");
    expect(first.body.toString()).toBe("next answered GET /p");
    expect(second.body.toString()).toBe("next answered GET /p");
    expect(h.fetched).toEqual(["/p"]);
    expect(h.toNext).toEqual(["GET /p", "GET /p"]);
  });

  it.each<[string, string, { method?: string; headers?: Record<string, string> }]>([
    ["a POST", "/articles/imap", { method: "POST" }],
    ["a client navigation (RSC)", "/articles/imap", { headers: { rsc: "1" } }],
    ["a prefetch", "/articles/imap", { headers: { rsc: "1", "next-router-prefetch": "1" } }],
    ["a server action", "/articles/imap", { method: "POST", headers: { "next-action": "abc" } }],
    ["an _rsc URL", "/articles/imap?_rsc=1x2y", {}],
    ["an API route", "/api/search?q=imap", {}],
    ["a staff page", "/staff/articles", {}],
    ["the staff overview", "/staff", {}],
    ["a Next asset", "/_next/static/chunks/app.js", {}],
  ])("sends %s to Next without touching the cache", async (_name, path, init) => {
    const h = await startHarness();
    h.setPage("/articles/imap", page("<h1>cached</h1>"));
    await request(h.url, "/articles/imap"); // in the cache now
    h.fetched.length = 0;
    const response = await request(h.url, path, init);
    expect(response.body.toString()).toBe(`next answered ${init.method ?? "GET"} ${path}`);
    expect(h.fetched).toEqual([]);
  });

  it("keeps a page for the shorter of s-maxage and its own limit, then asks Next again", async () => {
    const h = await startHarness({ maxSeconds: 10 });
    h.setPage("/long", page("<p>long</p>"));
    h.setPage("/short", page("<p>short</p>", { ...ISR_HEADERS, "cache-control": "s-maxage=3" }));
    await request(h.url, "/long");
    await request(h.url, "/short");
    h.clock.now += 5_000;
    expect((await request(h.url, "/long")).headers["x-cache"]).toBe("HIT");
    expect((await request(h.url, "/short")).headers["x-cache"]).toBe("MISS");
    h.clock.now += 6_000;
    const expired = await request(h.url, "/long");
    expect(expired.headers["x-cache"]).toBe("MISS");
    expect(expired.headers.age).toBe("0");
    expect(h.fetched).toEqual(["/long", "/short", "/short", "/long"]);
  });

  it("does not keep a page Next is regenerating, and tries again on the next visit", async () => {
    const h = await startHarness();
    h.setPage("/", page("<h1>old</h1>", { ...ISR_HEADERS, "x-nextjs-cache": "STALE" }));
    expect((await request(h.url, "/")).body.toString()).toBe("next answered GET /");
    h.setPage("/", page("<h1>regenerated</h1>", { ...ISR_HEADERS, "x-nextjs-cache": "HIT" }));
    const next = await request(h.url, "/");
    expect(next.body.toString()).toBe("<h1>regenerated</h1>");
    expect(next.headers["x-cache"]).toBe("MISS");
    expect(h.fetched).toEqual(["/", "/"]);
  });

  it("shares one fetch among visitors who miss at the same moment", async () => {
    const h = await startHarness();
    let release!: () => void;
    h.setPage("/", () => new Promise((resolve) => (release = () => resolve(page("<h1>once</h1>")))));
    const visitors = Promise.all([1, 2, 3].map(() => request(h.url, "/")));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const answers = await visitors;
    expect(answers.map((a) => a.body.toString())).toEqual(["<h1>once</h1>", "<h1>once</h1>", "<h1>once</h1>"]);
    expect(h.fetched).toEqual(["/"]);
  });

  it("keeps one copy of a page whatever Host, X-Forwarded-* or query string a request carries, and fills it with none of them", async () => {
    const h = await startHarness();
    h.setPage("/", page("<h1>home</h1>"));
    expect((await request(h.url, "/", { headers: { host: "help.example.com" } })).headers["x-cache"]).toBe("MISS");
    for (const [path, headers] of <[string, Record<string, string>][]>[
      ["/", { host: "support.example.org" }],
      ["/", { host: "help.example.com", "x-forwarded-host": "evil.example" }],
      ["/", { host: "help.example.com", "x-forwarded-proto": "https", "x-forwarded-port": "8443" }],
      ["/?utm_source=x", {}],
      ["/?flood=1", {}],
      ["/?flood=2&more=3", {}],
    ]) {
      const answer = await request(h.url, path, { headers });
      expect(answer.headers["x-cache"], `${path} ${JSON.stringify(headers)}`).toBe("HIT");
      expect(answer.body.toString()).toContain("<h1>home</h1>");
    }
    expect(h.cache.store.size).toBe(1);
    expect(h.fetched).toEqual(["/"]);
    expect(h.fetchedHeaders).toEqual([{ accept: "text/html", "accept-encoding": "identity", host: "localhost" }]);
  });

  it("holds at most its byte budget, dropping the least recently used pages first", async () => {
    const store = new PageStore({ maxEntries: 10_000, maxBytes: 256 * 1024 });
    const body = Buffer.from(randomBytes(6 * 1024).toString("base64")); // 8 KB that gzip cannot shrink much
    for (let i = 0; i < 40; i++) store.set(`/p${i}`, { status: 200, headers: [], vary: [], body, seconds: 60 }, store.generation);
    expect(store.byteSize).toBeLessThanOrEqual(256 * 1024);
    expect(store.size).toBeLessThan(40);
    expect(store.get("/p39")).toBeDefined();
    expect(store.get("/p0")).toBeUndefined();
  });

  it("drops the least recently used page when full", async () => {
    const h = await startHarness({ maxEntries: 2 });
    for (const path of ["/a", "/b", "/c"]) h.setPage(path, page(`<p>${path}</p>`));
    await request(h.url, "/a");
    await request(h.url, "/b");
    await request(h.url, "/a"); // /a is now the most recent
    await request(h.url, "/c"); // evicts /b
    expect(h.cache.store.size).toBe(2);
    expect((await request(h.url, "/a")).headers["x-cache"]).toBe("HIT");
    expect((await request(h.url, "/b")).headers["x-cache"]).toBe("MISS");
  });
});

describe("the search results page", () => {
  // Next renders it per request (it reads ?q=) and says so; fetched without cookies it is the same for everyone.
  const DYNAMIC = { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate", vary: NEXT_VARY };
  const searchPage = (h: Harness) =>
    h.setPage("/search", async (url) => page(`<h1>Results for ${new URL(url, "http://x").searchParams.get("q")}</h1>`, DYNAMIC));

  it("is kept per query, with only the parameters it reads, and answered from memory", async () => {
    const h = await startHarness();
    searchPage(h);
    expect((await request(h.url, "/search?q=dns")).headers["x-cache"]).toBe("MISS");
    const again = await request(h.url, "/search?q=dns&utm_source=mail");
    expect(again.headers["x-cache"]).toBe("HIT");
    expect(again.body.toString()).toContain("Results for dns");
    const other = await request(h.url, "/search?q=%20mx%20%20record%20");
    expect(other.headers["x-cache"]).toBe("MISS");
    expect(other.body.toString()).toContain("Results for mx record");
    expect((await request(h.url, "/search?q=mx+record")).headers["x-cache"]).toBe("HIT");
    expect(h.fetched).toEqual(["/search?q=dns", "/search?q=mx+record"]);
  });

  it("is emptied by a publish like every page", async () => {
    const h = await startHarness();
    registerPageCache(h.cache);
    let version = "old";
    h.setPage("/search", async () => page(`<h1>${version} results</h1>`, DYNAMIC));
    await request(h.url, "/search?q=dns");
    version = "new";
    purgePageCache();
    expect((await request(h.url, "/search?q=dns")).body.toString()).toBe("<h1>new results</h1>");
  });

  it("never answers signed-in staff from it, nor keeps queries longer than the search box takes", async () => {
    const h = await startHarness();
    searchPage(h);
    await request(h.url, "/search?q=dns");
    expect((await request(h.url, "/search?q=dns", { headers: { cookie: "__Host-hc_staff=abc" } })).body.toString()).toContain("next answered GET");
    expect((await request(h.url, `/search?q=${"a".repeat(300)}`)).body.toString()).toContain("next answered GET");
    expect(h.fetched).toEqual(["/search?q=dns"]);
  });

  it("keeps searches apart from pages: a flood of queries cannot push an article out", async () => {
    const h = await startHarness();
    searchPage(h);
    h.setPage("/articles/x", page("<h1>x</h1>"));
    await request(h.url, "/articles/x");
    for (let i = 0; i < 300; i++) await request(h.url, `/search?q=flood-${i}-${"z".repeat(150)}`);
    expect((await request(h.url, "/articles/x")).headers["x-cache"]).toBe("HIT");
  });
});

describe("internal articles read by signed-in staff", () => {
  it("are never kept: a staff member's page is never answered to anyone else, even if Next marked it shareable", async () => {
    const marker = "Page the on-call engineer";
    // Next as proxy.ts makes it: the internal article for a staff session, the 404 page for anyone
    // else. At its worst: the staff answer carries s-maxage, as if the route were wrongly cached.
    const answer = (cookie: string | undefined): UpstreamResponse =>
      cookie?.includes("hc_staff=a-valid-session")
        ? page(`<h1>Escalate a mailbox outage</h1><p>${marker}</p>`)
        : page("<h1>Page not found</h1>", { "content-type": "text/html", "cache-control": "private, no-cache, no-store" }, 404);
    const toNext: string[] = [];
    const fills: (string | undefined)[] = [];
    const cache = createPageCache({
      handleByNext: (req, res) => {
        toNext.push(String(req.headers.cookie ?? "anonymous"));
        const { status, headers, body } = answer(req.headers.cookie);
        res.writeHead(status, headers);
        res.end(body);
      },
      fetchPage: async (_url, headers) => {
        fills.push(headers.cookie);
        return answer(headers.cookie);
      },
      maxSeconds: 10,
    });
    const server = http.createServer(cache.handle);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const staff = { cookie: "__Host-hc_staff=a-valid-session; __Host-hc_staff_hint=1" };

    const read = await request(base, "/articles/escalate-a-mailbox-outage", { headers: staff });
    expect(read.status).toBe(200);
    expect(read.body.toString()).toContain(marker);
    expect(read.headers["x-cache"]).toBeUndefined();
    for (const headers of [{}, { "accept-encoding": "gzip" }, { cookie: "__Host-hc_staff=an-expired-session" }] as Record<string, string>[]) {
      const anonymous = await request(base, "/articles/escalate-a-mailbox-outage", { headers });
      expect(anonymous.status).toBe(404);
      expect(anonymous.body.toString()).not.toContain(marker);
    }
    const again = await request(base, "/articles/escalate-a-mailbox-outage", { headers: staff });
    expect(again.body.toString()).toContain(marker);
    expect(again.headers["x-cache"]).toBeUndefined();
    // Every fill asked without cookies, so it only ever saw the 404; nothing was stored.
    expect(fills.every((cookie) => cookie === undefined)).toBe(true);
    expect(cache.store.size).toBe(0);
    expect(toNext.filter((who) => who.includes("a-valid-session"))).toHaveLength(2);
  });
});

describe("purging on publish", () => {
  it("empties the cache, so the next visitor gets the published page", async () => {
    const h = await startHarness();
    registerPageCache(h.cache);
    h.setPage("/articles/imap", page("<h1>Old title</h1>"));
    await request(h.url, "/articles/imap");
    h.setPage("/articles/imap", page("<h1>New title</h1>"));
    purgePageCache();
    const after = await request(h.url, "/articles/imap");
    expect(after.body.toString()).toBe("<h1>New title</h1>");
    expect(h.cache.store.size).toBe(1);
  });

  it("never stores a page that was being fetched when the purge came, and sends that visitor to Next", async () => {
    const h = await startHarness();
    let release!: () => void;
    h.setPage("/articles/imap", () => new Promise((resolve) => (release = () => resolve(page("<h1>Old title</h1>")))));
    const inFlight = request(h.url, "/articles/imap");
    await new Promise((resolve) => setTimeout(resolve, 50));
    h.cache.purge();
    release();
    expect((await inFlight).body.toString()).toBe("next answered GET /articles/imap");
    expect(h.cache.store.size).toBe(0);
    h.setPage("/articles/imap", page("<h1>New title</h1>"));
    const next = await request(h.url, "/articles/imap"); // the path is still cached as usual
    expect(next.body.toString()).toBe("<h1>New title</h1>");
    expect(next.headers["x-cache"]).toBe("MISS");
    expect(h.fetched).toEqual(["/articles/imap", "/articles/imap"]);
  });

  it("purges again when the publishing request has been answered", async () => {
    // Next applies revalidatePath when the server action finishes: a page fetched between the
    // purge and that moment may still be the old one.
    const harness: Harness = await startHarness({
      onNext: async (req, cache) => {
        if (req.method !== "POST") return;
        purgePageCache(); // what lib/articles/revalidate.ts does inside the action
        const stale = await request(harness.url, "/articles/imap"); // someone reads before Next revalidated
        expect(stale.body.toString()).toBe("<h1>Old title</h1>");
        expect(cache.store.size).toBe(1);
        harness.setPage("/articles/imap", page("<h1>New title</h1>")); // Next revalidates
      },
    });
    registerPageCache(harness.cache);
    harness.setPage("/articles/imap", page("<h1>Old title</h1>"));
    await request(harness.url, "/articles/imap");
    await request(harness.url, "/staff/articles/1", { method: "POST" });
    await new Promise((resolve) => setTimeout(resolve, 20)); // the response's close event
    expect((await request(harness.url, "/articles/imap")).body.toString()).toBe("<h1>New title</h1>");
  });
});

describe("cache rules", () => {
  it("reads Accept-Encoding the way browsers send it", () => {
    expect(acceptsGzip({ "accept-encoding": "gzip, deflate, br, zstd" })).toBe(true);
    expect(acceptsGzip({ "accept-encoding": "br;q=1.0, gzip;q=0.8" })).toBe(true);
    expect(acceptsGzip({ "accept-encoding": "gzip;q=0" })).toBe(false);
    expect(acceptsGzip({ "accept-encoding": "*" })).toBe(true);
    expect(acceptsGzip({ "accept-encoding": "identity" })).toBe(false);
    expect(acceptsGzip({})).toBe(false);
  });

  it("keeps what Next sends for an ISR page, for at most its own limit", () => {
    expect(decideStore({ status: 200, headers: ISR_HEADERS }, 10)).toEqual({
      store: true,
      seconds: 10,
      vary: ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch"],
    });
    expect(decideStore({ status: 200, headers: { ...ISR_HEADERS, "cache-control": "s-maxage=31536000" } }, 10)).toMatchObject({ store: true, seconds: 10 });
    expect(decideStore({ status: 200, headers: { ...ISR_HEADERS, "cache-control": "public, s-maxage=0" } }, 10)).toMatchObject({ store: false });
  });
});

describe("PAGE_CACHE_SECONDS", () => {
  it("defaults to 10 seconds, takes 0 as off, and refuses anything but whole seconds up to an hour", () => {
    expect(parseEnv({}).PAGE_CACHE_SECONDS).toBe(10);
    expect(parseEnv({ PAGE_CACHE_SECONDS: "" }).PAGE_CACHE_SECONDS).toBe(10);
    expect(parseEnv({ PAGE_CACHE_SECONDS: "0" }).PAGE_CACHE_SECONDS).toBe(0);
    expect(parseEnv({ PAGE_CACHE_SECONDS: " 30 " }).PAGE_CACHE_SECONDS).toBe(30);
    for (const bad of ["-1", "1.5", "ten", "3601", "1e3"]) {
      expect(() => parseEnv({ PAGE_CACHE_SECONDS: bad }), bad).toThrow(/PAGE_CACHE_SECONDS: must be whole seconds from 0 \(off\) to 3600/);
    }
  });
});
