// Preparing a bench site: migrate, import, build, each step timed and its memory measured (the
// build's largest process under GNU time when there is one), then a table of the steps.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { bin } from "./paths";
import { runCommand, type RunResult } from "./run-command";
import { DEFAULT_DATABASE_URL, DEFAULT_DIST_DIR, siteEnv } from "./site-env";
import { markdownTable } from "./table";
import { snapshotTsconfig, undoTsconfigIncludes } from "./tsconfig-guard";

const fmtSeconds = (ms: number) => (ms / 1000).toFixed(1);
const fmtMb = (kb: number | null) => (kb == null ? "n/a" : (kb / 1024).toFixed(0));

export interface PrepareOptions {
  databaseUrl?: string;
  distDir?: string;
  /** Passed to scripts/content-import.ts as --dir; its default (./content) otherwise. */
  contentDir?: string;
  /** Stream the commands' output to stderr as they run. */
  verbose?: boolean;
}

export interface PrepareStep {
  step: "migrate" | "import" | "build";
  seconds: number;
  /** The largest single process's peak RSS (GNU time's "Maximum resident set size"), build only. */
  peakRssMb: number | null;
  /** Peak of the summed RSS of the whole process tree, polled with ps every 250 ms. */
  peakTreeRssMb: number | null;
  note: string;
}

export interface PrepareResult {
  databaseUrl: string;
  distDir: string;
  contentDir: string | null;
  steps: PrepareStep[];
  totalSeconds: number;
  /** How peakRssMb of the build was measured. */
  rssMethod: "/usr/bin/time -v" | "ps polling";
}

export async function prepareSite({
  databaseUrl = DEFAULT_DATABASE_URL,
  distDir = DEFAULT_DIST_DIR,
  contentDir,
  verbose = false,
}: PrepareOptions = {}): Promise<PrepareResult> {
  const env = siteEnv(databaseUrl, distDir);
  const steps: PrepareStep[] = [];
  const started = performance.now();

  const migrate = await runCommand(bin("prisma"), ["migrate", "deploy"], env, { echo: verbose });
  const applied = migrate.output.match(/(\d+) migrations? found|No pending migrations to apply|applied/i)?.[0] ?? "";
  steps.push({ step: "migrate", seconds: migrate.ms / 1000, peakRssMb: null, peakTreeRssMb: migrate.peak.peakSumKb / 1024, note: applied });

  const importArgs = [path.join("scripts", "content-import.ts"), ...(contentDir ? ["--dir", contentDir] : [])];
  const imported = await runCommand(bin("tsx"), importArgs, env, { echo: verbose });
  steps.push({
    step: "import",
    seconds: imported.ms / 1000,
    peakRssMb: null,
    peakTreeRssMb: imported.peak.peakSumKb / 1024,
    note: imported.output.match(/Imported .*/)?.[0] ?? "",
  });

  // The build: under GNU time when it is there (its max RSS is the largest single process of the
  // tree, next build's workers included), and always polled with ps for the tree's total.
  const haveTime = existsSync("/usr/bin/time");
  let timeFile: string | null = null;
  let build: RunResult;
  const tsconfigBefore = await snapshotTsconfig();
  try {
    if (haveTime) {
      const dir = await mkdtemp(path.join(tmpdir(), "bench-build-"));
      timeFile = path.join(dir, "time.txt");
      build = await runCommand("/usr/bin/time", ["-v", "-o", timeFile, bin("next"), "build"], env, { echo: verbose });
    } else {
      build = await runCommand(bin("next"), ["build"], env, { echo: verbose });
    }
  } finally {
    if (await undoTsconfigIncludes(tsconfigBefore, distDir)) {
      console.error(`(undid next build's addition of ${distDir}/types to tsconfig.json's include)`);
    }
  }
  let peakRssKb: number | null = build.peak.peakMaxKb || null;
  if (timeFile) {
    const report = await readFile(timeFile, "utf8");
    const match = report.match(/Maximum resident set size \(kbytes\):\s*(\d+)/);
    if (match) peakRssKb = Number(match[1]);
    await rm(path.dirname(timeFile), { recursive: true, force: true });
  }
  const routes = build.output.match(/^[┌├└]\s/gm)?.length ?? 0;
  steps.push({
    step: "build",
    seconds: build.ms / 1000,
    peakRssMb: peakRssKb == null ? null : peakRssKb / 1024,
    peakTreeRssMb: build.peak.peakSumKb / 1024,
    note: routes ? `${routes} routes` : "",
  });

  const result: PrepareResult = {
    databaseUrl,
    distDir,
    contentDir: contentDir ?? null,
    steps,
    totalSeconds: (performance.now() - started) / 1000,
    rssMethod: haveTime ? "/usr/bin/time -v" : "ps polling",
  };
  printPrepare(result);
  return result;
}

function printPrepare(result: PrepareResult) {
  console.log(`\n### Site preparation (${result.databaseUrl}, ${result.distDir}${result.contentDir ? `, content ${result.contentDir}` : ""})\n`);
  console.log(
    markdownTable(
      ["step", "seconds", "peak RSS, largest process (MB)", "peak RSS, process tree (MB)", "note"],
      result.steps.map((s) => [
        s.step,
        s.seconds.toFixed(1),
        s.peakRssMb == null ? "—" : fmtMb(s.peakRssMb * 1024),
        s.peakTreeRssMb == null ? "—" : fmtMb(s.peakTreeRssMb * 1024),
        s.note,
      ]),
    ),
  );
  console.log(
    `\nTotal ${fmtSeconds(result.totalSeconds * 1000)} s. Build RSS (largest process) measured with ${result.rssMethod}; tree totals by polling ps every 250 ms.`,
  );
}
