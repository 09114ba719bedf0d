// npm run content:import [-- --dir content] — load the MDX library into the database.
import { parseArgs } from "node:util";
import { databaseUrl } from "./load-env";
import { importLibrary, publishedContentHashes } from "../lib/content/import";
import { ContentValidationError, readLibrary } from "../lib/content/library";
import { createPrismaClient } from "../lib/db-client";

const { values } = parseArgs({ options: { dir: { type: "string", default: "content" } } });

const db = createPrismaClient(databaseUrl);
try {
  const library = await readLibrary(values.dir, { trustedHashes: await publishedContentHashes(db) });
  const summary = await importLibrary(db, library);
  console.log(
    `Imported ${library.articles.length} articles in ${library.categories.length} categories: ` +
      `${summary.created.length} new, ${summary.updated.length} changed, ${summary.unchanged} unchanged.`,
  );
  for (const slug of summary.created) console.log(`  + ${slug}`);
  for (const slug of summary.updated) console.log(`  ~ ${slug}`);
} catch (error) {
  if (error instanceof ContentValidationError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await db.$disconnect();
}
