// The search benchmark's Markdown (pasted into docs/benchmarks.md): every table sits directly
// under exactly one heading, naming its own corpus size, for a run of one size or of several.
import { describe, expect, it } from "vitest";
import { formatSearchBenchTable, type SearchBenchTableRow } from "../../scripts/bench/search-node";

const row = (size: number, engine: string, p50Ms: number): SearchBenchTableRow => ({
  size,
  engine,
  p50Ms,
  p95Ms: p50Ms * 2,
  p99Ms: p50Ms * 3,
  recallAt1: 0.9,
  recallAt5: 1,
  indexRawBytes: size * 100,
  indexGzipBytes: size * 20,
  buildMs: 10,
  p95VsBaseline: 1,
  recallAt1ByKind: { title: 1, typo: 0.5 },
  notes: [`note at ${size}`],
});

/** Each size heading and the first figures row that follows it. */
function headingsAndTables(markdown: string) {
  const lines = markdown.split("\n");
  return lines.flatMap((line, i) => {
    const heading = /^\*\*([\d,]+) articles\*\*$/.exec(line);
    if (!heading) return [];
    expect(lines[i + 1]).toBe("");
    expect(lines[i + 2]).toMatch(/^\| engine \| p50 /);
    return [{ heading: heading[1], firstRow: lines[i + 4] }];
  });
}

describe("search benchmark tables", () => {
  it("give each size one heading, directly above its own table", () => {
    const rows = [100, 1_000, 10_000].flatMap((size) => [row(size, "fuse.js (plain)", size / 10), row(size, "ours", size / 1000)]);
    const markdown = formatSearchBenchTable(rows);
    expect(headingsAndTables(markdown)).toEqual([
      { heading: "100", firstRow: expect.stringMatching(/^\| fuse\.js \(plain\) \| 10\.0 ms \|/) },
      { heading: "1,000", firstRow: expect.stringMatching(/^\| fuse\.js \(plain\) \| 100 ms \|/) },
      { heading: "10,000", firstRow: expect.stringMatching(/^\| fuse\.js \(plain\) \| 1\.00 s \|/) },
    ]);
    expect(markdown.match(/^\| engine \| p50 /gm)).toHaveLength(3);
    // Nothing after the last table but its own notes.
    expect(markdown.trimEnd().split("\n").at(-1)).toBe("- note at 10000");
  });

  it("give a single size its heading too", () => {
    const markdown = formatSearchBenchTable([row(1_000, "ours", 0.1)]);
    expect(markdown.startsWith("**1,000 articles**\n\n| engine |")).toBe(true);
    expect(headingsAndTables(markdown)).toHaveLength(1);
  });
});
