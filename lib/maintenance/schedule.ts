// Runs the purge (lib/maintenance/purge.ts) in the server process: a minute after start, then
// every hour. Failures are logged and retried at the next run; they never stop the server.
// Also reads today's secret (lib/limits/daily-secret.ts) at start and every hour, so the contact
// form can still be signed while the database is briefly away.
import "server-only";
import { siteContext } from "../context";
import { dailySecret } from "../limits/daily-secret";
import { purgeExpired } from "./purge";

const HOUR_MS = 60 * 60 * 1000;
let started = false;

export function startPurgeSchedule() {
  if (started) return;
  started = true;
  const warmSecret = () => void dailySecret(siteContext()).catch(() => undefined);
  warmSecret();
  const run = async () => {
    warmSecret();
    try {
      const summary = await purgeExpired(siteContext());
      const removed = Object.entries(summary).filter(([, count]) => count > 0);
      if (removed.length > 0) console.log(`purge: removed ${removed.map(([what, count]) => `${count} ${what}`).join(", ")}`);
    } catch (error) {
      console.error("purge: could not remove expired rows; will try again in an hour:", error);
    }
  };
  setTimeout(run, 60_000).unref();
  setInterval(run, HOUR_MS).unref();
}
