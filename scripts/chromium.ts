// The Chromium that tests and benchmarks drive: Debian's, or the one CHROMIUM_PATH names.
// Playwright's own browser download cannot work offline.
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Headless-friendly flags; the background ones stop Chromium calling home on a closed network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function assertChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install Debian's with "apt-get install -y chromium", or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
    );
  }
  return CHROMIUM_PATH;
}
