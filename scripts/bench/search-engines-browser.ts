// The engine-against-engine search benchmark (scripts/bench/search-node.ts) run inside headless
// Chromium: the same engines, corpus, queries and metrics, bundled with esbuild and executed in a
// page, so browser JIT and memory behaviour are measured too. Node-only pieces (file output,
// gzip of the serialized index, process heap) are stubbed; index sizes come from the Node run.
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { assertChromium, CHROMIUM_ARGS } from "../chromium";
import type { SearchBenchRow } from "./search-node";
import { projectRoot } from "./lib/paths";

const NODE_STUBS: Record<string, string> = {
  "node:fs":
    'const no = () => { throw new Error("no file system in the browser"); }; export const writeFileSync = no, readFileSync = no, existsSync = () => false, mkdirSync = no, readdirSync = no, rmSync = no;',
  "node:perf_hooks": "export const performance = globalThis.performance;",
  "node:url": "export const pathToFileURL = () => ({ href: 'browser' }); export const fileURLToPath = () => '';",
  "node:util": "export const parseArgs = () => ({ values: {}, positionals: [] });",
  "node:zlib": "export const gzipSync = () => ({ length: Number.NaN, byteLength: Number.NaN });",
  "node:path": "const join = (...p) => p.join('/'); export default { join, resolve: join, dirname: (p) => p }; export { join };",
  "node:os": "export const tmpdir = () => '/tmp'; export const cpus = () => []; export const totalmem = () => 0;",
};

async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { runNodeSearchBench } from "./scripts/bench/search-node.ts"; globalThis.runSearchBench = runNodeSearchBench;`,
      resolveDir: projectRoot,
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    minify: false,
    define: { "process.argv": "[]", "process.memoryUsage": "globalThis.__memoryUsage", "import.meta.url": '"browser"' },
    plugins: [
      {
        name: "node-stubs",
        setup(b) {
          b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: "node-stub" }));
          b.onLoad({ filter: /.*/, namespace: "node-stub" }, (args) => ({ contents: NODE_STUBS[args.path] ?? "export default {};", loader: "js" }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

export async function runBrowserEnginesBench({ sizes }: { sizes: number[] }): Promise<SearchBenchRow[]> {
  const code = await bundle();
  const browser = await chromium.launch({
    executablePath: assertChromium(),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>search bench</title>");
    const shims = [
      "globalThis.__memoryUsage = () => ({ heapUsed: performance.memory ? performance.memory.usedJSHeapSize : 0 });",
      "globalThis.Buffer = { byteLength: (s) => new TextEncoder().encode(s).length };",
    ].join("\n");
    await page.addScriptTag({ content: `${shims}\n${code}` });
    page.setDefaultTimeout(0);
    // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
    const options = JSON.stringify({ sizes, fuseSubsetQueries: 10, fuseBudgetSeconds: 30 });
    const rows = (await page.evaluate(`globalThis.runSearchBench({ ...${options}, log: () => {} })`)) as SearchBenchRow[];
    // Sizes and heap are Node's business (see the Node table); in the page they cannot be measured
    // the same way. Chromium also rounds performance.now() to 0.1 ms outside isolated pages.
    return rows.map((row) => ({
      ...row,
      indexRawBytes: null,
      indexGzipBytes: null,
      heapMB: Number.NaN,
      notes: [...row.notes, "in Chromium (timer resolution 0.1 ms; sizes and heap: see the Node table)"],
    }));
  } finally {
    await browser.close();
  }
}
