// npm run bench:corpus -- --articles 10000 --dir /tmp/corpus [--seed 42] [--overwrite]
// Writes the benchmarks' synthetic help center (./corpus.ts) as a content library, to import with
// `npm run content:import -- --dir <dir>` and try the site at that size.
import { parseArgs } from "node:util";
import { z } from "zod";
import { startProgress } from "../progress";
import { generateCorpus, writeCorpusLibrary } from "./corpus";

const USAGE = "usage: npm run bench:corpus -- --articles <count> --dir <folder> [--seed <number>] [--overwrite]";

let flags;
try {
  flags = parseArgs({
    options: { articles: { type: "string" }, dir: { type: "string" }, seed: { type: "string", default: "42" }, overwrite: { type: "boolean", default: false } },
    strict: true,
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const count = z.coerce.number().int().min(1).max(1_000_000).safeParse(flags.articles);
const seed = z.coerce.number().int().safeParse(flags.seed);
if (!count.success || !seed.success || !flags.dir) {
  console.error(
    `${!flags.dir ? "--dir is required" : !count.success ? "--articles must be a whole number from 1 to 1,000,000" : "--seed must be a whole number"}\n${USAGE}`,
  );
  process.exit(2);
}
try {
  const generating = startProgress("Generating", count.data);
  const corpus = generateCorpus(count.data, seed.data, { onProgress: (done) => generating.update(done) });
  generating.finish();
  writeCorpusLibrary(corpus, flags.dir, { overwrite: flags.overwrite });
} catch (error) {
  console.error((error as Error).message.replace("pass { overwrite: true }", "pass --overwrite"));
  process.exit(1);
}
