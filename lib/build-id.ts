// The build this server runs: Next writes it to <distDir>/BUILD_ID; BUILD_ID fixes it for a fleet
// (next.config.ts generateBuildId). Read once.
import { readFileSync } from "node:fs";
import path from "node:path";

let buildId: string | null = null;

export function currentBuildId(): string {
  buildId ??= (() => {
    try {
      return readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"), "utf8").trim();
    } catch {
      return process.env.BUILD_ID?.trim() || "unknown";
    }
  })();
  return buildId;
}
