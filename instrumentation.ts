// Runs once when the server starts: a bad environment stops it here, with a clear message,
// instead of on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/env");
}
