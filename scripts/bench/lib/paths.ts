// Where the bench runs: every command starts in the project root, so relative DATABASE_URLs and
// dist dirs mean the same thing in each of them.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** A binary the project installs (prisma, tsx, next). */
export const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);
