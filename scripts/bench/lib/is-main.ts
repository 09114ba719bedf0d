import path from "node:path";
import { fileURLToPath } from "node:url";

/** True when the module at `metaUrl` (its import.meta.url) is the script node was asked to run. */
export function isMain(metaUrl: string): boolean {
  return Boolean(process.argv[1]) && path.resolve(process.argv[1]!) === fileURLToPath(metaUrl);
}
