import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "./paths";

// `next build` appends "<distDir>/types/**/*.ts" and "<distDir>/dev/types/**/*.ts" to tsconfig.json's
// include when they are missing. A benchmark build must leave the project's files as it found
// them, so that one change (and only that one) is undone afterwards.
export async function snapshotTsconfig(): Promise<string | null> {
  try {
    return await readFile(path.join(projectRoot, "tsconfig.json"), "utf8");
  } catch {
    return null;
  }
}

export async function undoTsconfigIncludes(before: string | null, distDir: string): Promise<boolean> {
  if (before == null) return false;
  const file = path.join(projectRoot, "tsconfig.json");
  const after = await readFile(file, "utf8");
  if (after === before) return false;
  try {
    const added = new Set([`${distDir}/types/**/*.ts`, `${distDir}/dev/types/**/*.ts`]);
    const a = JSON.parse(after) as { include?: unknown[] };
    const b = JSON.parse(before) as { include?: unknown[] };
    if (Array.isArray(a.include)) a.include = a.include.filter((item) => !added.has(String(item)));
    if (JSON.stringify(a) !== JSON.stringify(b)) return false; // someone else changed it: leave it
    await writeFile(file, before);
    return true;
  } catch {
    return false;
  }
}
