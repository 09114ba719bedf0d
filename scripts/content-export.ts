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
  console.log(`Exported ${formatCount(files.length)} published articles to ${values.dir}/ in ${formatSeconds(seconds)}.`);
} finally {
  progress.finish();
  await db.$disconnect();
}
