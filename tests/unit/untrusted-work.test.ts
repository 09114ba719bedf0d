// What one editor's document or upload may cost the server: MDX that would take seconds, overflow
// the stack or sneak in a URL the renderer refuses; zips that lie about their size. Each is
// answered with a clear problem, off the thread that answers requests.
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { unpackZip, UPLOAD_LIMITS } from "@/lib/content/archive";
import { compileMdx, MDX_LIMITS } from "@/lib/mdx/compile";
import { compileMdxInWorker } from "@/lib/mdx/compile-in-worker";
import { stopWorkers } from "@/lib/workers/pool";

afterAll(() => stopWorkers());

/** Runs long in any MDX parser, yet passes every limit checked before parsing. */
const runaway = "*a".repeat(60_000);

describe("MDX limits checked before parsing", () => {
  it.each([
    ["numbered lists 2,000 deep", "1. ".repeat(2000), /nested 2000 levels deep/],
    ["bullets 2,000 deep", "- ".repeat(2000), /nested 2000 levels deep/],
    ["quotes 2,000 deep", "> ".repeat(2000), /nested 2000 levels deep/],
    ["a line indented 600 columns", `text\n\n${" ".repeat(600)}- x`, /indented 600 columns/],
    ["components 20 deep", `${"<Note>\n\n".repeat(20)}x${"\n\n</Note>".repeat(20)}`, /components are nested 7 deep/],
    ["a body over the size limit", "a".repeat(MDX_LIMITS.maxChars + 1), /at most 200,000 are allowed/],
  ])("refuses %s, without parsing it", (_name, source, message) => {
    const { problems, tree } = compileMdx(source);
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringMatching(message) })]);
    expect(tree.children).toEqual([]);
  });

  it("does not count what sits inside fenced code", () => {
    expect(compileMdx(`\`\`\`\n${"> ".repeat(50)}\n${" ".repeat(80)}deep\n\`\`\`\n`).problems).toEqual([]);
  });

  it("allows what real articles do: nested steps with code and callouts", () => {
    const source =
      "<Steps>\n\n1. First\n   - a detail\n     - a finer one\n\n     ```sh\n     dig example.com\n     ```\n\n</Steps>\n\n<Note>\n\n> quoted\n\n</Note>\n";
    expect(compileMdx(source).problems).toEqual([]);
  });

  it("strikes through only with double tildes: single ones stay text", () => {
    const { tree, problems } = compileMdx("~one~ and ~~two~~");
    expect(problems).toEqual([]);
    expect(JSON.stringify(tree)).toContain("~one~");
    expect(JSON.stringify(tree)).toMatch(/"tagName":"del"[^}]*}[^\]]*"value":"two"/);
  });
});

describe("every URL the renderer emits passes the scheme rules", () => {
  it.each([
    ["an http image through a reference", "![x][r]\n\n[r]: http://tracker.example/pixel.png"],
    ["a mailto image through a reference", "![x][r]\n\n[r]: mailto:someone@example.com"],
  ])("refuses %s and renders no image", (_name, source) => {
    const { tree, problems } = compileMdx(source);
    expect(problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/^image ".*" is not allowed/) })]);
    expect(JSON.stringify(tree)).not.toContain('"img"');
  });

  it("refuses a data: reference definition outright, so no image can use it", () => {
    const { tree, problems } = compileMdx("![x][r]\n\n[r]: data:image/png;base64,AAAA");
    expect(problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/is not allowed/) })]);
    expect(JSON.stringify(tree)).not.toContain('"img"');
  });

  it("keeps an https image through a reference, and a link through the same definition", () => {
    const { tree, problems } = compileMdx("![Diagram][r] and [the source][r]\n\n[r]: https://example.com/d.png");
    expect(problems).toEqual([]);
    expect(JSON.stringify(tree)).toContain('"src":"https://example.com/d.png"');
  });
});

describe("compiling in a worker", () => {
  it("stops a runaway document and says what to simplify, then compiles the next one as usual", async () => {
    const slow = await compileMdxInWorker(runaway, { lane: "staff", timeoutMs: 1_000 });
    expect(slow.problems).toEqual([{ line: null, message: expect.stringMatching(/took more than 1 seconds to read and was stopped/) }]);
    const next = await compileMdxInWorker("## Fine\n\nText.", { lane: "staff" });
    expect(next.problems).toEqual([]);
    expect(next.headings).toEqual([{ depth: 2, id: "fine", text: "Fine" }]);
  });

  it("answers customer pages from their own worker while a runaway document holds the staff one", async () => {
    const order: string[] = [];
    const slow = compileMdxInWorker(runaway, { lane: "staff", timeoutMs: 5_000 }).then(() => order.push("staff"));
    const page = compileMdxInWorker("## Customer page", { lane: "site" }).then(() => order.push("site"));
    await Promise.all([slow, page]);
    expect(order).toEqual(["site", "staff"]);
  });

  it("reports the same problems as compiling in this thread", async () => {
    const source = "Hello\n\n<script>x</script>\n\n![x](http://a.example/b.png)\n";
    expect((await compileMdxInWorker(source, { lane: "staff" })).problems).toEqual(compileMdx(source).problems);
  });
});

/** A zip whose headers say each file unpacks to `declared` bytes, while it really holds `actual` zeros. */
function lyingZip(files: number, actual: number, declared = 100): Uint8Array {
  const entries = Object.fromEntries(Array.from({ length: files }, (_, i) => [`articles/email/a${i}.mdx`, new Uint8Array(actual)]));
  const zip = zipSync(entries, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 4 <= zip.byteLength; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, declared, true); // local header: uncompressed size
    if (signature === 0x02014b50) view.setUint32(at + 24, declared, true); // central directory: the same
  }
  return zip;
}

describe("zips inflate as a stream that stops at the limits", () => {
  it("refuses a file that lies about its size once what it really holds passes the per-file limit", () => {
    const bomb = lyingZip(1, 20 * 1024 * 1024);
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    expect(() => unpackZip("bomb.zip", bomb)).toThrow(expect.objectContaining({ status: 413, message: expect.stringMatching(/unpacks to more than 1 MB/) }));
  });

  it("refuses many small lies once their real total passes the upload limit", () => {
    const perFile = UPLOAD_LIMITS.fileBytes - 1024;
    const bomb = lyingZip(Math.ceil(UPLOAD_LIMITS.totalBytes / perFile) + 2, perFile);
    expect(() => unpackZip("bomb.zip", bomb)).toThrow(expect.objectContaining({ status: 413, message: expect.stringMatching(/unpacks to more than 64 MB/) }));
  });

  it("still unpacks an honest library", () => {
    const honest = zipSync({ "articles/email/hello.mdx": strToU8("---\ntitle: x\n---\n") });
    expect(unpackZip("library.zip", honest)).toEqual([{ path: "articles/email/hello.mdx", text: "---\ntitle: x\n---\n" }]);
  });
});
