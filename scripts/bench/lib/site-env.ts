// Which database, build and port a bench site uses unless told otherwise, and the environment that
// tells the site's commands so.

export const DEFAULT_DATABASE_URL = "file:./data/bench.db";
export const DEFAULT_DIST_DIR = ".next-bench";
export const DEFAULT_PORT = 3400;

export function siteEnv(databaseUrl: string, distDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", ...extra } as NodeJS.ProcessEnv;
}
