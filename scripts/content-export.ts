// npm run content:export [-- --dir content] — write the published articles back to MDX files.
// In a terminal a progress bar shows the writing; every run ends with one summary line.
import { parseArgs } from "node:util";
import { databaseUrl } from "./load-env";
import { formatCount, formatSeconds, startProgress } from "./progress";
import { exportLibrary } from "../lib/content/export";
import { createPrismaClient } from "../lib/db-client";

const { values } = parseArgs({ options: { dir: { type: "string", default: "content" } } });

const db = createPrismaClient(databaseUrl);
const progress = startProgress("Exporting", 0, { unit: "files" });
try {
  const files = await exportLibrary(db, values.dir, { onProgress: (done, total) => progress.update(done, total) });
  const seconds = progress.finish();
  // A translation's file is <source-slug>.<locale>.mdx: a dot before the extension.
  const translations = files.filter((file) => /\.[^./\\]+\.mdx$/.test(file)).length;
  const counted = `${formatCount(files.length - translations)} published articles${translations > 0 ? ` and ${formatCount(translations)} ${translations === 1 ? "translation" : "translations"}` : ""}`;
  console.log(`Exported ${counted} to ${values.dir}/ in ${formatSeconds(seconds)}.`);
} finally {
  progress.finish();
  await db.$disconnect();
}
