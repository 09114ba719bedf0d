// In a fleet, the search index of a content version is built by one instance and shared through
// Redis: the first instance to need it takes a lock and builds it (after a publish, the publishing
// instance does so at once, lib/search/server.ts refreshSearchIndexSoon), and the others read it
// instead of building their own. A single server, or a fleet whose Redis does not answer, builds
// its own as before.
import { randomUUID } from "node:crypto";
import { currentBuildId } from "../build-id";
import { getRedis } from "../redis";

/** How long a build may hold the lock, and how long the others wait for it before building themselves. */
const LOCK_MS = 60_000;
const WAIT_MS = 30_000;
const POLL_MS = 200;
/** Kept a day: a version is replaced by the next publish long before that. */
const KEEP_SECONDS = 24 * 60 * 60;
const instance = randomUUID();

export async function sharedIndexJson(version: string, build: () => Promise<string>): Promise<string> {
  const redis = getRedis();
  if (!redis?.isReady) return build();
  // Per build too: the index format is the code's, and a rolling deploy runs two builds at once.
  const key = `helpdesk:search-index:${currentBuildId()}:${version}`;
  const lock = `${key}:lock`;
  try {
    const stored = await redis.get(key);
    if (stored) return stored;
    if (await redis.set(lock, instance, { NX: true, PX: LOCK_MS })) {
      try {
        const json = await build();
        await redis.set(key, json, { EX: KEEP_SECONDS });
        return json;
      } finally {
        await redis.del(lock).catch(() => 0);
      }
    }
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const ready = await redis.get(key);
      if (ready) return ready;
      if (!(await redis.exists(lock))) break; // the builder gave up: build here
    }
  } catch (error) {
    console.error("search index: Redis did not answer, building this instance's own:", error instanceof Error ? error.message : error);
  }
  return build();
}
