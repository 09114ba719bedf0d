// npm start [-- --port 3000 --hostname 0.0.0.0]
// Serves the production build (`npm run build`) like `next start`, with what the open internet
// needs in front of Next: bounded request addresses, the client's address read as TRUST_PROXY says
// (lib/front/handler.ts), a Content-Security-Policy hashed from each document's own inline scripts
// (lib/front/document-security.ts), and the page cache (lib/page-cache/front.ts), which answers
// pages Next marks as shareable from memory. PAGE_CACHE_SECONDS=0 turns the cache off (behind a
// CDN of your own, say); the rest always applies.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadEnvFiles } from "../lib/env-files";
import { withDocumentSecurity } from "../lib/front/document-security";
import { createFrontHandler } from "../lib/front/handler";
import { shareCachePurges } from "../lib/page-cache/fleet";
import { createPageCache, fetchPageFromPort } from "../lib/page-cache/front";
import { registerPageCache } from "../lib/page-cache/purge";
import { withSearchFront } from "../lib/search/front";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});

const portSchema = z.coerce.number().int().min(0).max(65_535);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

// Before Next (and through it React) is loaded: both pick their production builds by it.
(process.env as Record<string, string>).NODE_ENV = "production";
// The .env files as Next reads them for `next start` (lib/env-files.ts), before PORT is looked at.
loadEnvFiles();
const { default: next } = await import("next");
const portInput = values.port ?? process.env.PORT ?? "3000";
const port = portSchema.safeParse(portInput);
if (!port.success) fail(`Invalid port "${portInput}": give a number from 0 to 65535 (--port or PORT).`);
const hostname = values.hostname;

// Next builds its own absolute URLs from this name, and treats a rewrite to another origin as a
// proxy request; it normalises loopback addresses to "localhost", so that is the name to give it
// whatever address the server listens on.
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port: port.data });
const handleByNext = app.getRequestHandler();
await app.prepare();

// Checked here as well as inside Next, so a bad value stops start-up rather than the first request.
const env = await import("../lib/env").then((module) => module.env).catch((error: Error) => fail(error.message));
const cacheSeconds = env.PAGE_CACHE_SECONDS;
// Absolute URLs (canonical links, share cards, sitemap, feeds) come from SITE_URL: say when they cannot be right.
const siteUrlProblem = (await import("../lib/site-url")).siteUrlWarning(env.SITE_URL);
if (siteUrlProblem) console.warn(`Warning: ${siteUrlProblem}`);

// Documents get their policy wherever they come from: straight from Next, or through a fill of the cache.
const nextWithPolicy = withDocumentSecurity((req, res) => handleByNext(req, res), {
  https: (req) => env.SITE_URL?.startsWith("https:") === true || req.headers["x-forwarded-proto"] === "https",
});
let inner: http.RequestListener = (req, res) => void nextWithPolicy(req, res);
const servers: http.Server[] = [];
const closers: (() => Promise<void>)[] = [];
if (cacheSeconds > 0) {
  // The cache fetches pages from Next through a loopback listener of its own, as a client would.
  const fillServer = http.createServer((req, res) => void nextWithPolicy(req, res));
  await new Promise<void>((resolve) => fillServer.listen(0, "127.0.0.1", resolve));
  servers.push(fillServer);
  // In a fleet, every purge is announced to the other instances, and theirs are heard here.
  let announce = () => {};
  const cache = createPageCache({
    handleByNext: nextWithPolicy,
    fetchPage: fetchPageFromPort((fillServer.address() as AddressInfo).port),
    maxSeconds: cacheSeconds,
    onFillError: (url, error) => console.error(`page cache: could not fetch ${url} from Next:`, error),
    onPurge: () => announce(),
  });
  if (process.env.REDIS_URL) {
    const fleet = await shareCachePurges(process.env.REDIS_URL, () => cache.purgeFromElsewhere()).catch((error: Error) =>
      fail(`Could not reach Redis at REDIS_URL to share page-cache purges: ${error.message}`),
    );
    announce = () => fleet.announce();
    closers.push(() => fleet.close());
  }
  registerPageCache(cache);
  inner = cache.handle;
}
// The front's checks first, for every request; then GET /api/search is answered before the page
// cache and Next (lib/search/front.ts).
const handler = createFrontHandler(withSearchFront(inner), { trust: env.TRUST_PROXY, siteUrl: env.SITE_URL });
const server = http.createServer(handler);
servers.push(server);
server.on("error", (error) => fail(`Could not listen on ${hostname ?? "all addresses"}:${port.data}: ${error.message}`));
// Requests Node's parser refuses outright (headers or an address over 16 KB, malformed lines) get
// an answer that says why, rather than a dropped connection.
server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
  if (!socket.writable) return socket.destroy();
  const [status, text] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? ["431 Request Header Fields Too Large", "The address or headers of this request are too long."]
      : ["400 Bad Request", "This request could not be read."];
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(text) + 1}\r\n\r\n${text}\n`,
  );
});
server.listen(port.data, hostname, () => {
  const address = server.address() as AddressInfo;
  const shown = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost";
  const cacheNote = cacheSeconds > 0 ? `page cache on (${cacheSeconds} s)` : "page cache off";
  console.log(`▲ Help center ready on http://${shown}:${address.port} (${cacheNote})`);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Finish what is in flight, then leave; never hang on a keep-alive connection.
    setTimeout(() => process.exit(0), 5_000).unref();
    for (const s of servers) {
      s.close();
      s.closeIdleConnections();
    }
    void Promise.allSettled([app.close(), ...closers.map((close) => close())]).finally(() => process.exit(0));
  });
}
