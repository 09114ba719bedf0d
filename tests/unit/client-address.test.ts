// Which address a request came from: the socket's, unless TRUST_PROXY says which X-Forwarded-For
// entries our own proxies wrote. Checked on the functions, and over real HTTP through npm start's
// front handler, which hands Next exactly the address it settled on.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, NO_PROXY, parseTrustProxy, resolveClientAddress, type TrustProxy } from "@/lib/client-address";
import { createFrontHandler, MAX_URL_BYTES } from "@/lib/front/handler";

const trust = (value: string): TrustProxy => {
  const parsed = parseTrustProxy(value);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
};

describe("TRUST_PROXY", () => {
  it("reads unset, 0 and false as no proxy, numbers as hops, and lists of addresses and ranges", () => {
    for (const none of [undefined, "", "0", "false"]) expect(parseTrustProxy(none)).toEqual({ hops: 0 });
    expect(parseTrustProxy("2")).toEqual({ hops: 2 });
    expect(parseTrustProxy("loopback, 10.0.0.0/8, 2001:db8::1")).toMatchObject({ description: "loopback, 10.0.0.0/8, 2001:db8::1" });
  });

  it("refuses anything else with a message that says what to write", () => {
    expect(parseTrustProxy("yes")).toEqual({ error: expect.stringMatching(/not an address or CIDR range/) });
    expect(parseTrustProxy("10.0.0.0/x")).toEqual({ error: expect.stringMatching(/10\.0\.0\.0\/x/) });
    expect(parseTrustProxy("99")).toEqual({ error: expect.stringMatching(/at most 10/) });
  });
});

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("1.2.3.4, 5.6.7.8", "203.0.113.9", NO_PROXY)).toBe("203.0.113.9");
    expect(resolveClientAddress(undefined, "::ffff:203.0.113.9", NO_PROXY)).toBe("203.0.113.9");
  });

  it("is the entry our proxies appended, never one the client wrote to their left", () => {
    // Behind one proxy: the client wrote "6.6.6.6", the proxy appended what it saw.
    expect(resolveClientAddress("6.6.6.6, 203.0.113.9", "10.0.0.2", trust("1"))).toBe("203.0.113.9");
    // A CDN and a load balancer.
    expect(resolveClientAddress("6.6.6.6, 203.0.113.9, 198.51.100.1", "10.0.0.2", trust("2"))).toBe("203.0.113.9");
    // By address: trusted proxies are skipped from the right.
    expect(resolveClientAddress("6.6.6.6, 203.0.113.9, 10.0.0.7", "10.0.0.2", trust("private"))).toBe("203.0.113.9");
  });

  it("does not believe X-Forwarded-For from a socket that is not a trusted proxy", () => {
    expect(resolveClientAddress("6.6.6.6", "203.0.113.9", trust("10.0.0.0/8"))).toBe("203.0.113.9");
  });

  it("inside Next, reads the single address the front server left, whatever TRUST_PROXY says", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    for (const value of ["", "1", "2", "loopback"]) expect(clientAddress(headers, trust(value))).toBe("203.0.113.9");
  });
});

describe("npm start's front handler, over real HTTP", () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  async function start(options: Parameters<typeof createFrontHandler>[1]) {
    const seen: http.IncomingHttpHeaders[] = [];
    const server = http.createServer(
      createFrontHandler((req, res) => {
        seen.push({ ...req.headers });
        res.end("ok");
      }, options),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
        http
          .request({ host: "127.0.0.1", port: (server.address() as AddressInfo).port, path, headers, method }, (res) => {
            res.resume();
            res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers }));
          })
          .on("error", reject)
          .end();
      });
    const post = (path: string, headers: Record<string, string> = {}) => get(path, headers, "POST");
    return { seen, get, post };
  }

  it("hands Next the socket's address and drops forwarded headers when no proxy is trusted", async () => {
    const front = await start({ trust: NO_PROXY });
    await front.get("/", { "x-forwarded-for": "6.6.6.6", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-real-ip": "6.6.6.6" });
    expect(front.seen[0]).toMatchObject({ "x-forwarded-for": "127.0.0.1" });
    expect(front.seen[0]).not.toHaveProperty("x-forwarded-host");
    expect(front.seen[0]).not.toHaveProperty("x-forwarded-proto");
    expect(front.seen[0]).not.toHaveProperty("x-real-ip");
  });

  it("believes the proxy in front when TRUST_PROXY names it", async () => {
    const front = await start({ trust: trust("loopback") });
    await front.get("/", { "x-forwarded-for": "6.6.6.6, 203.0.113.9", "x-forwarded-proto": "https" });
    expect(front.seen[0]).toMatchObject({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" });
  });

  it("refuses addresses longer than the limit with 414, before anything else sees them", async () => {
    const front = await start({ trust: NO_PROXY });
    expect((await front.get(`/search?q=${"a".repeat(MAX_URL_BYTES)}`)).status).toBe(414);
    expect((await front.get(`/search?q=${"a".repeat(1000)}`)).status).toBe(200);
    expect(front.seen).toHaveLength(1);
  });

  it("refuses a form posted to a page from another site with 403, before Next sees it", async () => {
    const front = await start({ trust: NO_PROXY });
    expect((await front.post("/contact", { origin: "https://evil.example" })).status).toBe(403);
    expect((await front.post("/articles/mailbox-full", { origin: "null" })).status).toBe(403);
    expect(front.seen).toHaveLength(0);
    // The same site, a request without Origin, and the API (which answers for itself) go on.
    const self = await front.get("/");
    expect(self.status).toBe(200);
    const host = front.seen[0]!.host!;
    expect((await front.post("/contact", { origin: `http://${host}` })).status).toBe(200);
    expect((await front.post("/contact")).status).toBe(200);
    expect((await front.post("/api/contact", { origin: "https://evil.example" })).status).toBe(200);
    expect((await front.get("/contact", { origin: "https://evil.example" })).status).toBe(200);
    // A server action called from script: Next checks it (and forwards such calls to itself).
    expect((await front.post("/staff", { origin: "https://evil.example", "next-action": "7f00" })).status).toBe(200);
    expect(front.seen).toHaveLength(6);
  });

  it("believes a forwarded Host for the origin check only from a trusted proxy", async () => {
    const proxied = await start({ trust: trust("loopback") });
    expect((await proxied.post("/contact", { origin: "https://help.example.com", "x-forwarded-host": "help.example.com" })).status).toBe(200);
    const direct = await start({ trust: NO_PROXY });
    expect((await direct.post("/contact", { origin: "https://help.example.com", "x-forwarded-host": "help.example.com" })).status).toBe(403);
  });

  it("sends HSTS only when the site is served over HTTPS", async () => {
    expect((await (await start({ trust: NO_PROXY })).get("/")).headers["strict-transport-security"]).toBeUndefined();
    expect((await (await start({ trust: NO_PROXY, siteUrl: "https://help.example.com" })).get("/")).headers["strict-transport-security"]).toMatch(
      /max-age=\d{7,}/,
    );
    const behindTls = await start({ trust: trust("loopback") });
    expect((await behindTls.get("/", { "x-forwarded-proto": "https" })).headers["strict-transport-security"]).toMatch(/max-age/);
    const spoofed = await start({ trust: NO_PROXY });
    expect((await spoofed.get("/", { "x-forwarded-proto": "https" })).headers["strict-transport-security"]).toBeUndefined();
  });
});
