// In a fleet, a publish on one instance empties the page cache of every instance: each purge made
// here is announced on a Redis channel that all instances listen to. The publishing instance
// purges twice (when the publish runs, and again once its request was answered, after Next has
// revalidated the shared cache), and so announces twice: a page another instance fetched between
// the two is dropped by the second.
import { randomUUID } from "node:crypto";
import { connect, type RedisClient } from "../redis";

const PURGE_CHANNEL = "helpdesk:page-cache:purge";

export interface FleetPurges {
  /** Announces a purge made on this instance. */
  announce(): void;
  close(): Promise<void>;
}

export async function shareCachePurges(redisUrl: string, purgeHere: () => void): Promise<FleetPurges> {
  const instance = randomUUID();
  const publisher: RedisClient = await connect(redisUrl);
  const subscriber = publisher.duplicate();
  subscriber.on("error", (error: Error) => console.error("page cache: Redis subscriber:", error.message));
  await subscriber.connect();
  await subscriber.subscribe(PURGE_CHANNEL, (message) => {
    if (message !== instance) purgeHere();
  });
  return {
    announce() {
      publisher.publish(PURGE_CHANNEL, instance).catch((error: Error) => console.error("page cache: could not announce a purge to the fleet:", error.message));
    },
    async close() {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
