// The long command-line jobs draw a progress bar in a terminal only, and every run ends with one
// summary line: content import (a folder or a zip), content export, and the benchmark corpus.
// The scripts run for real, against a database of their own.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { packZip } from "@/lib/content/archive";
import { formatSeconds, progressLine, startProgress } from "../../scripts/progress";
import { writeSmallLibrary } from "../support/library";

const ROOT = process.cwd();
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
/** How a summary gives the time: "0.8 s", "12 s", "1 min 05 s". */
const TIME = String.raw`(\d+\.\d s|\d+ s|\d+ min \d\d s)`;

let dir: string;
let databaseUrl: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "helpdesk-cli-"));
  copyFileSync(inject("sqliteTemplate"), path.join(dir, "site.db"));
  databaseUrl = `file:${path.join(dir, "site.db")}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a script as `npm run` would, with its output going to pipes (not a terminal), as in CI. */
async function run(script: string, args: string[]) {
  const { stdout, stderr } = await promisify(execFile)(TSX, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  // Nothing of a bar reaches a log: no carriage returns, no terminal escapes.
  expect(stdout + stderr).not.toMatch(/[\r\x1b]/);
  return { stdout, lines: stdout.trim().split("\n") };
}

describe("content import and export on the command line", { timeout: 120_000 }, () => {
  it("imports a folder and ends with a summary of counts and time", async () => {
    const library = writeSmallLibrary(path.join(dir, "content"), 3);
    const first = await run("scripts/content-import.ts", ["--dir", library]);
    expect(first.lines[0]).toMatch(new RegExp(`^Imported 3 articles in 1 category from .*content/: 3 new, 0 changed, 0 unchanged, in ${TIME}\\.$`));
    expect(first.lines.slice(1)).toEqual(["  + mail-question-1", "  + mail-question-2", "  + mail-question-3"]);

    const again = await run("scripts/content-import.ts", ["--dir", library]);
    expect(again.lines).toEqual([
      expect.stringMatching(new RegExp(`^Imported 3 articles in 1 category from .*: 0 new, 0 changed, 3 unchanged, in ${TIME}\\.$`)),
    ]);
  });

  it("exports the published articles and ends with a summary", async () => {
    const out = path.join(dir, "exported");
    const { lines } = await run("scripts/content-export.ts", ["--dir", out]);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^Exported 3 published articles to ${out}/ in ${TIME}\\.$`))]);
    expect(readdirSync(path.join(out, "articles", "email")).sort()).toEqual(["mail-question-1.mdx", "mail-question-2.mdx", "mail-question-3.mdx"]);
  });

  it("imports a zip of the library, as the staff Library exports it", async () => {
    const out = path.join(dir, "exported");
    const files = new Map<string, string>([["categories.json", readFileSync(path.join(out, "categories.json"), "utf8")]]);
    for (const name of readdirSync(path.join(out, "articles", "email")))
      files.set(`articles/email/${name}`, readFileSync(path.join(out, "articles", "email", name), "utf8"));
    files.set("articles/email/mail-question-2.mdx", files.get("articles/email/mail-question-2.mdx")!.replace("check setting 2", "check setting two"));
    const zip = path.join(dir, "library.zip");
    writeFileSync(zip, packZip(files));

    const { lines } = await run("scripts/content-import.ts", ["--zip", zip]);
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^Imported 3 articles in 1 category from .*library\\.zip: 0 new, 1 changed, 2 unchanged, in ${TIME}\\.$`)),
      "  ~ mail-question-2",
    ]);
  });
});

describe("translations on the command line", { timeout: 120_000 }, () => {
  it("counts translations apart from articles, on import and on export", async () => {
    const library = path.join(dir, "content");
    const source = readFileSync(path.join(library, "articles", "email", "mail-question-1.mdx"), "utf8");
    writeFileSync(
      path.join(library, "articles", "email", "mail-question-1.de.mdx"),
      source.replace("---\ntitle: Mail question 1", "---\nslug: mail-frage-1\ntitle: Mail-Frage 1").replace("check setting 1", "prüfen Sie Einstellung 1"),
    );
    const imported = await run("scripts/content-import.ts", ["--dir", library]);
    // mail-question-2 was changed from a zip above; the folder still has the first version.
    expect(imported.lines).toEqual([
      expect.stringMatching(new RegExp(`^Imported 3 articles and 1 translation in 1 category from .*content/: 1 new, 1 changed, 2 unchanged, in ${TIME}\\.$`)),
      "  + mail-frage-1",
      "  ~ mail-question-2",
    ]);

    const out = path.join(dir, "exported-with-translation");
    const exported = await run("scripts/content-export.ts", ["--dir", out]);
    expect(exported.lines).toEqual([expect.stringMatching(new RegExp(`^Exported 3 published articles and 1 translation to ${out}/ in ${TIME}\\.$`))]);
    expect(readFileSync(path.join(out, "articles", "email", "mail-question-1.de.mdx"), "utf8")).toMatch(/^---\nslug: mail-frage-1\ntitle: Mail-Frage 1\n/);
  });
});

describe("the benchmark corpus on the command line", { timeout: 120_000 }, () => {
  it("writes the library and ends with a summary", async () => {
    const out = path.join(dir, "corpus");
    const { lines } = await run("scripts/bench/write-corpus.ts", ["--articles", "100", "--dir", out]);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^Wrote 100 benchmark articles in 6 categories to ${out} in ${TIME}\\.$`))]);
    const written = readdirSync(path.join(out, "articles"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".mdx"));
    expect(written).toHaveLength(100);
  });
});

describe("the progress bar", () => {
  function terminal() {
    const written: string[] = [];
    return { written, stream: { isTTY: true, columns: 100, write: (text: string) => written.push(text) > 0 } };
  }

  it("draws on one line of a terminal, at most ten times a second, and clears itself at the end", () => {
    let clock = 0;
    const { written, stream } = terminal();
    const progress = startProgress("Importing", 1_000, { stream, now: () => clock });
    for (let done = 1; done <= 1_000; done++) {
      clock += 1; // 1 ms an article: a second in all
      progress.update(done);
    }
    expect(written.length).toBeGreaterThan(5);
    expect(written.length).toBeLessThanOrEqual(12);
    expect(written.every((text) => text.startsWith("\r"))).toBe(true);
    expect(written.at(-1)).toContain("100% 1,000/1,000 articles · 1.0 s");
    expect(progress.finish()).toBe(1);
    expect(written.at(-1)).toBe("\r\x1b[K");
  });

  it("draws nothing when the output is not a terminal", () => {
    const written: string[] = [];
    const progress = startProgress("Importing", 10, { stream: { isTTY: false, write: (text: string) => written.push(text) > 0 } });
    for (let done = 1; done <= 10; done++) progress.update(done);
    progress.finish();
    expect(written).toEqual([]);
  });

  it("reads at a glance and fits the terminal", () => {
    expect(progressLine("Exporting", 250, 1_000, "files", 3_200)).toBe(`Exporting ${"█".repeat(6)}${"░".repeat(18)}  25% 250/1,000 files · 3.2 s`);
    expect(progressLine("Exporting", 250, 1_000, "files", 3_200, 30)).toHaveLength(29);
    expect([0.42, 12.4, 65, 3_600].map(formatSeconds)).toEqual(["0.4 s", "12 s", "1 min 05 s", "60 min 00 s"]);
  });
});
