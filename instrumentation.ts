// Runs once when the server starts: a bad environment stops it here, with a clear message,
// instead of on the first request; then the hourly purge of expired rows starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/env");
  const { startPurgeSchedule } = await import("./lib/maintenance/schedule");
  startPurgeSchedule();
}
