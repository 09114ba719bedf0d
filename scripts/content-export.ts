// npm run content:export [-- --dir content] — write the published articles back to MDX files.
import { parseArgs } from "node:util";
import { databaseUrl } from "./load-env";
import { exportLibrary } from "../lib/content/export";
import { createPrismaClient } from "../lib/db-client";

const { values } = parseArgs({ options: { dir: { type: "string", default: "content" } } });

const db = createPrismaClient(databaseUrl);
try {
  const files = await exportLibrary(db, values.dir);
  console.log(`Exported ${files.length} published articles to ${values.dir}/.`);
} finally {
  await db.$disconnect();
}
