// Every HTML document npm start sends carries a Content-Security-Policy that lets scripts run only
// from this site's files and from the document's own inline scripts, listed by their SHA-256.
// Checked over real HTTP on the wrapper that does it, with a stand-in for Next that streams.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { contentSecurityPolicy, inlineScriptHashes } from "@/lib/front/content-security-policy";
import { withDocumentSecurity } from "@/lib/front/document-security";

const sha = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(next: (req: http.IncomingMessage, res: http.ServerResponse) => void, https = false) {
  const seenEncodings: (string | undefined)[] = [];
  const server = http.createServer(
    withDocumentSecurity(
      (req, res) => {
        seenEncodings.push(req.headers["accept-encoding"] as string | undefined);
        next(req, res);
      },
      { https: () => https },
    ),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port: (server.address() as AddressInfo).port, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
  return { get, seenEncodings };
}

const page = [
  '<!DOCTYPE html><html lang="en"><head><script src="/_next/static/a.js" async=""></script>',
  "<script>self.__next_f=[1]</script></head>",
  '<body><p>Hi</p><script>self.__next_f.push([1,"x"])</script><script type="application/ld+json">{"@type":"Article"}</script></body></html>',
];

describe("the policy of an HTML document", () => {
  it("lists the SHA-256 of each inline script and nothing of scripts with a src", () => {
    expect(inlineScriptHashes(page.join(""))).toEqual([sha("self.__next_f=[1]"), sha('self.__next_f.push([1,"x"])')]);
  });

  it("leaves out data blocks such as JSON-LD, which never run, and keeps scripts of a runnable type", () => {
    const html = `<script type="application/ld+json">{"a":1}</script><script type='application/json'>[]</script><script type=module>m()</script><script type="text/javascript">j()</script>`;
    expect(inlineScriptHashes(html)).toEqual([sha("m()"), sha("j()")]);
  });

  it("allows scripts only from this site and those hashes, and frames, objects and bases from nowhere", () => {
    const policy = contentSecurityPolicy({ scriptHashes: ["sha256-abc"] });
    expect(policy).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )script-src 'self' 'sha256-abc'(;|$)/);
    expect(policy).not.toMatch(/unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/base-uri 'none'/);
  });

  it("is sent with a document streamed in pieces, gzipped for browsers that take gzip", async () => {
    const site = await serve((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write(page[0]);
      res.write(page[1]);
      res.end(page[2]);
    });
    const answer = await site.get("/articles/x", { "accept-encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.body).toString()).toBe(page.join(""));
    const policy = String(answer.headers["content-security-policy"]);
    for (const hash of inlineScriptHashes(page.join(""))) expect(policy).toContain(`'${hash}'`);
    // Next was asked for the text, which is hashed before it is compressed.
    expect(site.seenEncodings).toEqual([undefined]);
  });

  it("leaves responses that are not documents as they are", async () => {
    const site = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-security-policy": "default-src 'none'" });
      res.end('{"ok":true}');
    });
    const answer = await site.get("/api/search?q=x", { "accept-encoding": "gzip" });
    expect(answer.headers["content-security-policy"]).toBe("default-src 'none'");
    expect(answer.body.toString()).toBe('{"ok":true}');
    expect(site.seenEncodings).toEqual(["gzip"]);
  });

  it("asks browsers to upgrade insecure requests over HTTPS only", async () => {
    const handler = (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.setHeader("content-type", "text/html");
      res.end("<p>x</p>");
    };
    expect((await (await serve(handler, true)).get("/")).headers["content-security-policy"]).toMatch(/upgrade-insecure-requests/);
    expect((await (await serve(handler, false)).get("/")).headers["content-security-policy"]).not.toMatch(/upgrade-insecure-requests/);
  });
});
