// The one way settings are read from .env files, for everything that is not Next.js itself: the
// command-line scripts (scripts/load-env.ts), the Prisma CLI (prisma.config.ts) and `npm start`
// before it loads Next (scripts/start.ts). It is Next's own loader (@next/env), so all of them read
// the same files, in the same order, with the same rules:
//
//   .env.<mode>.local   .env.local   .env.<mode>   .env        (first one to set a name wins)
//
// <mode> is `production` when NODE_ENV=production (as `next build` and `next start` read them),
// `test` when NODE_ENV=test (which skips .env.local), otherwise `development` (as `next dev`).
// A variable already set in the real environment always wins over every file.
// A default import: @next/env is a bundled CommonJS module whose named exports Node cannot see.
import nextEnv from "@next/env";

let loaded: string[] | null = null;

/** Reads the .env files of `dir` into process.env, once per process; returns the files it read. */
export function loadEnvFiles(dir = process.cwd()): string[] {
  if (loaded) return loaded;
  const dev = process.env.NODE_ENV !== "production";
  // forceReload: read the files even when a parent Next process marked its environment as loaded.
  const { loadedEnvFiles } = nextEnv.loadEnvConfig(dir, dev, { info: () => {}, error: (...args: unknown[]) => console.error(...args) }, true);
  loaded = loadedEnvFiles.map((file) => file.path);
  // Next's mark that this environment is loaded: a Next process started from here (a benchmark's
  // server, a build) reads its own mode's files too; what was loaded here stays, and wins.
  delete process.env.__NEXT_PROCESSED_ENV;
  return loaded;
}
