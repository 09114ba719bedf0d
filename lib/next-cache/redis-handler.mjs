// Next's cache (rendered pages and their data) in Redis, shared by every instance of a fleet, so a
// publish on one instance is seen by all: revalidatePath marks the page's tags expired in Redis,
// where every instance looks. next.config.ts uses this file only when REDIS_URL is set; a single
// server keeps Next's own cache in memory.
//
// The handler is @fortedigital/nextjs-cache-handler (redis-strings), the maintained successor of
// @neshca/cache-handler for Next 15 and 16. Plain JavaScript because Next loads it by path at run
// time, outside its bundle.
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { createClient } from "redis";

/** One handler configuration per process, however many times Next asks for one. */
const GLOBAL = Symbol.for("helpdesk.next-cache");

CacheHandler.onCreation(() => {
  globalThis[GLOBAL] ??= configure();
  return globalThis[GLOBAL];
});

async function configure() {
  // `next build` renders into its own output; only running servers share Redis.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD || !process.env.REDIS_URL) return { handlers: [createLruHandler()] };
  const client = createClient({ url: process.env.REDIS_URL, pingInterval: 10_000 });
  client.on("error", (error) => console.error("next cache: Redis error:", error.message));
  try {
    await client.connect();
  } catch (error) {
    // Serving stays possible: pages are rendered per instance until Redis is back (GET /api/health says so).
    console.error("next cache: could not connect to Redis, rendering without a shared cache:", error.message);
    return { handlers: [] };
  }
  return {
    handlers: [
      createRedisHandler({
        client,
        // Entries of one build only: a new build never reads pages rendered by an older one.
        keyPrefix: `helpdesk:next:${process.env.BUILD_ID ?? "build"}:`,
        timeoutMs: 1_000,
      }),
    ],
  };
}

export default CacheHandler;
