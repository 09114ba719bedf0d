// Prepare the bench site (migrate, import, build — each step timed, the build's peak memory
// measured: lib/prepare-site.ts) or start it as `npm start` does on a loopback port
// (lib/start-site.ts).
//
//   npx tsx scripts/bench/server.ts prepare [--database-url file:./data/bench.db] [--dist-dir .next-bench] [--content-dir content]
//   npx tsx scripts/bench/server.ts start [--port 3400] [--database-url …] [--dist-dir …]   (Ctrl-C stops it)
import { parseArgs } from "node:util";
import { isMain } from "./lib/is-main";
import { prepareSite } from "./lib/prepare-site";
import { DEFAULT_DATABASE_URL, DEFAULT_DIST_DIR, DEFAULT_PORT } from "./lib/site-env";
import { startSite } from "./lib/start-site";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "database-url": { type: "string", default: DEFAULT_DATABASE_URL },
      "dist-dir": { type: "string", default: DEFAULT_DIST_DIR },
      "content-dir": { type: "string" },
      port: { type: "string", default: String(DEFAULT_PORT) },
      verbose: { type: "boolean", default: false },
    },
  });
  const command = positionals[0] ?? "prepare";
  const common = { databaseUrl: values["database-url"], distDir: values["dist-dir"], verbose: values.verbose };
  if (command === "prepare") {
    await prepareSite({ ...common, contentDir: values["content-dir"] });
  } else if (command === "start") {
    const site = await startSite({ ...common, port: Number(values.port) });
    console.log(`Site ready at ${site.url} (pid ${site.pid}); Ctrl-C stops it.`);
    const shutdown = () => void site.stop().then(() => process.exit(0));
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  } else {
    console.error("usage: server.ts prepare|start [--database-url URL] [--dist-dir DIR] [--content-dir DIR] [--port N] [--verbose]");
    process.exitCode = 2;
  }
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
