// npm run content:import [-- --dir content]         load the MDX library folder into the database
// npm run content:import -- --zip library.zip         or a zip of it, as the staff Library exports and takes
//
// In a terminal a progress bar shows the checking and the writing; every run ends with one summary line.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseUrl } from "./load-env";
import { formatCount, formatSeconds, startProgress } from "./progress";
import { LibraryUploadError, unpackZip } from "../lib/content/archive";
import { importLibrary, publishedContentHashes } from "../lib/content/import";
import { ContentValidationError, type Library, readLibrary, readLibraryFiles, type ReadLibraryOptions } from "../lib/content/library";
import { createPrismaClient } from "../lib/db-client";

const { values } = parseArgs({ options: { dir: { type: "string", default: "content" }, zip: { type: "string" } } });

/** The zip's files as the library's path → text; it must hold the whole library, as the staff export does. */
async function readZip(file: string, options: ReadLibraryOptions): Promise<Library> {
  const files = new Map<string, string>();
  const loose: string[] = [];
  for (const entry of unpackZip(path.basename(file), new Uint8Array(await readFile(file)))) {
    if ("path" in entry) files.set(entry.path, entry.text);
    else loose.push(entry.loose);
  }
  if (loose.length > 0)
    throw new ContentValidationError(loose.map((name) => `${name}: is not in articles/<category>/; the zip must hold the library as the staff export does`));
  return readLibraryFiles(files, options);
}

const db = createPrismaClient(databaseUrl);
const source = values.zip ?? `${values.dir}/`;
const started = performance.now();
const checking = startProgress("Checking ", 0);
try {
  const options: ReadLibraryOptions = { trustedHashes: await publishedContentHashes(db), onProgress: (done, total) => checking.update(done, total) };
  const library = values.zip ? await readZip(values.zip, options) : await readLibrary(values.dir, options);
  checking.finish();
  const writing = startProgress("Importing", 0);
  const summary = await importLibrary(db, library, undefined, { onProgress: (done, total) => writing.update(done, total) });
  writing.finish();
  const seconds = (performance.now() - started) / 1000;
  const categories = library.categories.length;
  const translations = library.articles.filter((article) => article.translationOf !== null).length;
  const counted = `${formatCount(library.articles.length - translations)} articles${translations > 0 ? ` and ${formatCount(translations)} ${translations === 1 ? "translation" : "translations"}` : ""}`;
  console.log(
    `Imported ${counted} in ${categories} ${categories === 1 ? "category" : "categories"} from ${source}: ` +
      `${formatCount(summary.created.length)} new, ${formatCount(summary.updated.length)} changed, ${formatCount(summary.unchanged)} unchanged, in ${formatSeconds(seconds)}.`,
  );
  // The slugs themselves, up to a screenful: a corpus of thousands would bury the summary.
  const listed = [...summary.created.map((slug) => `  + ${slug}`), ...summary.updated.map((slug) => `  ~ ${slug}`)];
  for (const line of listed.slice(0, 40)) console.log(line);
  if (listed.length > 40) console.log(`  … and ${formatCount(listed.length - 40)} more`);
} catch (error) {
  checking.finish();
  if (error instanceof ContentValidationError || error instanceof LibraryUploadError) {
    console.error(error instanceof LibraryUploadError ? [error.message, ...error.problems.map((p) => `  - ${p}`)].join("\n") : error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await db.$disconnect();
}
