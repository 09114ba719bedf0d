// npm start [-- --port 3000 --hostname 0.0.0.0]
// Serves the production build (`npm run build`) like `next start`, with the page cache in front
// (lib/page-cache/front.ts): pages Next marks as shareable are answered from memory. Set
// PAGE_CACHE_SECONDS=0 to turn the cache off; `npm run start:next` is plain `next start`, for a site
// that has a CDN or caching proxy of its own in front.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { z } from "zod";
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
const { default: next } = await import("next");
const portInput = values.port ?? process.env.PORT ?? "3000";
const port = portSchema.safeParse(portInput);
if (!port.success) fail(`Invalid port "${portInput}": give a number from 0 to 65535 (--port or PORT).`);
const hostname = values.hostname;

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port: port.data });
const handleByNext = app.getRequestHandler();
await app.prepare(); // also reads .env files, as next start does

// Checked here as well as inside Next, so a bad value stops start-up rather than the first request.
const env = await import("../lib/env").then((module) => module.env).catch((error: Error) => fail(error.message));
const cacheSeconds = env.PAGE_CACHE_SECONDS;

let handler: http.RequestListener = (req, res) => void handleByNext(req, res);
const servers: http.Server[] = [];
if (cacheSeconds > 0) {
  // The cache fetches pages from Next through a loopback listener of its own, as a client would.
  const fillServer = http.createServer((req, res) => void handleByNext(req, res));
  await new Promise<void>((resolve) => fillServer.listen(0, "127.0.0.1", resolve));
  servers.push(fillServer);
  const cache = createPageCache({
    handleByNext,
    fetchPage: fetchPageFromPort((fillServer.address() as AddressInfo).port),
    maxSeconds: cacheSeconds,
    onFillError: (url, error) => console.error(`page cache: could not fetch ${url} from Next:`, error),
  });
  registerPageCache(cache);
  handler = cache.handle;
}

// GET /api/search is answered before the page cache and Next (lib/search/front.ts).
const server = http.createServer(withSearchFront(handler));
servers.push(server);
server.on("error", (error) => fail(`Could not listen on ${hostname ?? "all addresses"}:${port.data}: ${error.message}`));
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
    void app.close().finally(() => process.exit(0));
  });
}
