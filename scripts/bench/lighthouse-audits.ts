// Lighthouse's SEO, best-practices and accessibility categories on the customer pages that matter
// most: home, an article, search results and contact. A measurement, not a test: it prints each
// score and, under it, every audit that kept a page from 100.
//
//   npm run bench -- --only audits
//   npx tsx scripts/bench/lighthouse-audits.ts --url http://127.0.0.1:3400   (a site already running, with SITE_URL set to that address)
//
// Lighthouse's desktop preset, one run per page (these categories do not vary from run to run).
// Nothing leaves the machine: Lighthouse's Chromium sends every non-loopback request to a dead proxy.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import lighthouse from "lighthouse";
import { chooseLauncher, DEFAULT_ARTICLE } from "./page-weight";
import { isMain } from "./lib/is-main";
import { assertLoopbackUrl } from "./lib/loopback";
import { prepareSite } from "./lib/prepare-site";
import { DEFAULT_DATABASE_URL, DEFAULT_DIST_DIR, DEFAULT_PORT } from "./lib/site-env";
import { startSite } from "./lib/start-site";
import { markdownTable } from "./lib/table";

export const AUDIT_CATEGORIES = ["seo", "best-practices", "accessibility"] as const;
type Category = (typeof AUDIT_CATEGORIES)[number];

export interface AuditRow {
  page: string;
  path: string;
  scores: Record<Category, number>;
  /** Audits that scored below 1 (and count towards a category), with Lighthouse's title. */
  failing: { category: Category; id: string; title: string }[];
}

export const AUDIT_PAGES = [
  ["home", "/"],
  ["article", `/articles/${DEFAULT_ARTICLE}`],
  ["search", "/search?q=imap"],
  ["contact", "/contact"],
] as const;

export async function runLighthouseAudits({ url }: { url: string }): Promise<AuditRow[]> {
  const base = assertLoopbackUrl(url).origin;
  const desktopConfig = (await import("lighthouse/core/config/desktop-config.js")).default;
  const launcher = await chooseLauncher();
  const rows: AuditRow[] = [];
  for (const [page, path] of AUDIT_PAGES) {
    await (await fetch(`${base}${path}`)).arrayBuffer(); // rendered and cached, as a visitor gets it
    const chrome = await launcher.launch();
    try {
      const result = await lighthouse(
        `${base}${path}`,
        { port: chrome.port, onlyCategories: [...AUDIT_CATEGORIES], output: "json", logLevel: "error" },
        desktopConfig,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(AUDIT_CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Record<Category, number>;
      const failing = AUDIT_CATEGORIES.flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => ({ category, id: ref.id, title: lhr.audits[ref.id]?.title ?? ref.id })),
      );
      rows.push({ page, path, scores, failing });
    } finally {
      await chrome.kill();
    }
  }
  printLighthouseAudits(rows, base);
  return rows;
}

export function printLighthouseAudits(rows: AuditRow[], base: string) {
  console.log(`\n### Lighthouse 12 SEO, best practices and accessibility (desktop preset, ${base})\n`);
  console.log(
    markdownTable(
      ["page", "SEO", "best practices", "accessibility"],
      rows.map((row) => [`${row.page} (${row.path})`, row.scores.seo, row.scores["best-practices"], row.scores.accessibility]),
    ),
  );
  for (const row of rows.filter((r) => r.failing.length > 0)) {
    console.log(`\n${row.page}: ${row.failing.map((f) => `${f.category} ${f.id} (“${f.title}”)`).join("; ")}`);
  }
}

async function main() {
  const { values } = parseArgs({ options: { url: { type: "string" }, port: { type: "string", default: String(DEFAULT_PORT) }, json: { type: "string" } } });
  let rows: AuditRow[];
  if (values.url) {
    rows = await runLighthouseAudits({ url: values.url });
  } else {
    await prepareSite({ databaseUrl: DEFAULT_DATABASE_URL, distDir: DEFAULT_DIST_DIR });
    const port = Number(values.port);
    // Canonical links and share cards name the address Lighthouse visits.
    const site = await startSite({ port, databaseUrl: DEFAULT_DATABASE_URL, distDir: DEFAULT_DIST_DIR, env: { SITE_URL: `http://127.0.0.1:${port}` } });
    try {
      rows = await runLighthouseAudits({ url: site.url });
    } finally {
      await site.stop();
    }
  }
  if (values.json) await writeFile(values.json, JSON.stringify(rows, null, 2));
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
