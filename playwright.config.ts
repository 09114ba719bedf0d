// End-to-end journeys against `npm start`'s server (Next with the page cache in front) on a fresh
// SQLite database, in Debian's Chromium.
import { defineConfig, devices } from "@playwright/test";
import { assertChromium, CHROMIUM_ARGS } from "./scripts/chromium";
import { E2E_DATABASE_URL, E2E_DIST_DIR, E2E_PORT as PORT } from "./tests/e2e/constants";

const launchOptions = { executablePath: assertChromium(), args: CHROMIUM_ARGS };

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: PORT === 3200 ? "test-results" : `test-results-${PORT}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: PORT === 3200 ? "playwright-report" : `playwright-report-${PORT}` }]],
  // Ceilings against a hang, not performance budgets (those are in npm run bench): a passing test
  // never waits them out, and on a machine other jobs keep busy every step can take several times
  // longer than on an idle one.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "mobile", use: { ...devices["Pixel 7"], launchOptions }, grep: /@mobile/ },
  ],
  webServer: {
    command: `bash scripts/e2e-server.sh ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 480_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // The suite plays many clients from one machine, as a proxy in front would: it names each
    // test's address in X-Forwarded-For (tests/e2e/fixtures.ts), which the server believes from loopback.
    // SITE_URL: the public address absolute URLs are made from (canonical links, share cards,
    // sitemap, feeds), here the server's own, so the suite can follow them.
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      NEXT_DIST_DIR: E2E_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      TRUST_PROXY: "loopback",
      SITE_URL: `http://127.0.0.1:${PORT}`,
    },
  },
});
