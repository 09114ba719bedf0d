// Library download and upload in the staff area: the zip holds what `content:export` writes, an
// upload follows the command-line import's rules, and a bad upload of any kind stores nothing.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { LibraryUploadError, UPLOAD_LIMITS } from "@/lib/content/archive";
import { exportLibrary } from "@/lib/content/export";
import { importLibrary } from "@/lib/content/import";
import { readLibrary } from "@/lib/content/library";
import { exportLibraryZip, importLibraryUpload, type LibraryUpload } from "@/lib/staff/library";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";
import { CONTENT_DIR } from "../support/library";

const IMAP = "articles/email/the-difference-between-imap-and-pop.mdx";
const editor: Actor = { id: "editor-1", email: "ed@example.com", name: "Ada Editor", role: "editor" };

describe.each(providers.filter((p) => p.available))("the staff library on $name", ({ name }) => {
  let t: TestDatabase;
  let imapSource: string;
  beforeAll(async () => {
    t = await createTestDatabase(name);
    await importLibrary(t.db, await readLibrary(CONTENT_DIR));
    imapSource = await readFile(path.join(CONTENT_DIR, IMAP), "utf8");
  });
  afterAll(() => t.dispose());

  const ctx = () => ({ db: t.db, actor: editor });
  const zip = (files: Record<string, string | Uint8Array>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([file, text]) => [file, typeof text === "string" ? strToU8(text) : text])));
  const upload = (files: Record<string, string | Uint8Array>, category?: string): LibraryUpload => ({
    files: Object.entries(files).map(([file, text]) => ({ name: file, bytes: typeof text === "string" ? strToU8(text) : text })),
    ...(category ? { category } : {}),
  });
  /** Every published revision and every row count the import could change. */
  const snapshot = async () => ({
    revisions: await t.db.articleRevision.count(),
    articles: await t.db.article.findMany({ select: { slug: true, categorySlug: true, publishedRevisionId: true }, orderBy: { slug: "asc" } }),
    categories: await t.db.category.findMany({ orderBy: { slug: "asc" } }),
  });
  async function refused(input: LibraryUpload) {
    const before = await snapshot();
    const error = await importLibraryUpload(ctx(), input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryUploadError);
    expect(await snapshot()).toEqual(before);
    return error as LibraryUploadError;
  }

  it("downloads a dated zip of exactly the files content:export writes", async () => {
    const result = await exportLibraryZip(ctx(), new Date("2026-11-27T10:00:00Z"));
    expect(result.filename).toBe("help-center-library-2026-11-27.zip");
    const files = unzipSync(result.bytes);
    const out = await mkdtemp(path.join(tmpdir(), "export-"));
    try {
      const written = await exportLibrary(t.db, out);
      expect(Object.keys(files).sort()).toEqual(["categories.json", ...written].sort());
      expect(strFromU8(files[IMAP]!)).toBe(await readFile(path.join(out, IMAP), "utf8"));
      expect(strFromU8(files[IMAP]!)).toContain("Post Office Protocol");
      // Internal articles go in too, marked, exactly as content/ holds them: the zip is for staff.
      const playbook = "articles/email/escalate-a-mailbox-outage.mdx";
      expect(strFromU8(files[playbook]!)).toBe(await readFile(path.join(CONTENT_DIR, playbook), "utf8"));
      expect(strFromU8(files[playbook]!)).toMatch(/^audience: internal$/m);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("imports its own export back as unchanged, writing nothing", async () => {
    const before = await snapshot();
    const { bytes, articles } = await exportLibraryZip(ctx());
    const result = await importLibraryUpload(ctx(), { files: [{ name: "library.zip", bytes }] });
    expect(result.created).toEqual([]);
    expect(result.updated).toEqual([]);
    expect(result.unchanged).toHaveLength(articles);
    expect(await snapshot()).toEqual(before);
  });

  it("publishes a changed loose .mdx file in its current category, as a revision by the uploader", async () => {
    const changed = imapSource.replace("## ", "A sentence added from the staff area.\n\n## ");
    const result = await importLibraryUpload(ctx(), upload({ "the-difference-between-imap-and-pop.mdx": changed }));
    expect(result.updated).toEqual([expect.objectContaining({ slug: "the-difference-between-imap-and-pop", categorySlug: "email" })]);
    expect(result.categorySlugs).toEqual(["email"]);
    const stored = await t.db.article.findUniqueOrThrow({ where: { slug: "the-difference-between-imap-and-pop" }, include: { publishedRevision: true } });
    expect(stored.publishedRevision?.body).toContain("A sentence added from the staff area.");
    expect(stored.publishedRevision?.author).toBe("Ada Editor");
  });

  it("makes an article internal from an uploaded file, and says customers' pages must all be refreshed", async () => {
    const source = await readFile(path.join(CONTENT_DIR, "articles/email/mailbox-full.mdx"), "utf8");
    const internal = source.replace(/^(description: .*)$/m, "$1\naudience: internal");
    const made = await importLibraryUpload(ctx(), upload({ "mailbox-full.mdx": internal }));
    expect(made).toMatchObject({ updated: [expect.objectContaining({ slug: "mailbox-full" })], leftCustomers: true });
    expect(await t.db.article.findUniqueOrThrow({ where: { slug: "mailbox-full" }, select: { audience: true } })).toEqual({ audience: "internal" });
    const back = await importLibraryUpload(ctx(), upload({ "mailbox-full.mdx": source }));
    expect(back).toMatchObject({ updated: [expect.objectContaining({ slug: "mailbox-full" })], leftCustomers: false });
    expect(await t.db.article.findUniqueOrThrow({ where: { slug: "mailbox-full" }, select: { audience: true } })).toEqual({ audience: "public" });
    const refusedValue = await refused(upload({ "mailbox-full.mdx": source.replace(/^(description: .*)$/m, "$1\naudience: secret") }));
    expect(refusedValue.problems).toEqual([expect.stringMatching(/^articles\/email\/mailbox-full\.mdx: audience: "secret" is not an audience/)]);
  });

  it("files a new loose article under the chosen category, and asks for one when none is chosen", async () => {
    const fresh = imapSource.replace("title: The difference between IMAP and POP", "title: Choosing between IMAP and POP");
    const error = await refused(upload({ "choose-imap-or-pop.mdx": fresh }));
    expect(error.status).toBe(422);
    expect(error.problems).toEqual([expect.stringMatching(/^choose-imap-or-pop\.mdx: is a new article; choose its category/)]);

    const result = await importLibraryUpload(ctx(), upload({ "choose-imap-or-pop.mdx": fresh }, "email"));
    expect(result.created).toEqual([{ slug: "choose-imap-or-pop", title: "Choosing between IMAP and POP", categorySlug: "email" }]);
    expect(await t.db.article.findUnique({ where: { slug: "choose-imap-or-pop" }, select: { status: true } })).toEqual({ status: "published" });
  });

  it("accepts <category>/<slug>.mdx and a zipped content/ folder", async () => {
    const short = await importLibraryUpload(ctx(), {
      files: [{ name: "a.zip", bytes: zip({ "email/mailbox-full.mdx": await readFile(path.join(CONTENT_DIR, "articles/email/mailbox-full.mdx"), "utf8") }) }],
    });
    expect(short.unchanged.map((a) => a.slug)).toEqual(["mailbox-full"]);
    const categories = await readFile(path.join(CONTENT_DIR, "categories.json"), "utf8");
    const nested = await importLibraryUpload(ctx(), {
      files: [
        {
          name: "b.zip",
          bytes: zip({
            "content/categories.json": categories,
            "content/articles/email/mailbox-full.mdx": await readFile(path.join(CONTENT_DIR, "articles/email/mailbox-full.mdx"), "utf8"),
          }),
        },
      ],
    });
    expect(nested.unchanged.map((a) => a.slug)).toEqual(["mailbox-full"]);
  });

  it("lists every invalid file with its line and stores nothing, not even the valid files beside it", async () => {
    const valid = imapSource.replace("## ", "Another change.\n\n## ").replace(/related: \[[^\]]*\]/, "related: [no-such-article]");
    const broken = imapSource.replace("title: The difference between IMAP and POP", "title: Broken").replace("## ", "<script>alert(1)</script>\n\n## ");
    const line = broken.split("\n").findIndex((l) => l.startsWith("<script>")) + 1;
    const error = await refused({ files: [{ name: "x.zip", bytes: zip({ [IMAP]: valid, "articles/email/broken-copy.mdx": broken }) }] });
    expect(error.status).toBe(422);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        `articles/email/broken-copy.mdx:${line}: <script> is not an allowed component; use <Note>, <Tip>, <Warning>, <Steps>, <Kbd>, <Var> or Markdown`,
        `${IMAP}: related: no article has the slug "no-such-article"`,
      ]),
    );
  });

  it("refuses path traversal, absolute paths and odd names in a zip", async () => {
    const error = await refused({
      files: [{ name: "evil.zip", bytes: zip({ "../../etc/passwd.mdx": imapSource, "/abs/x.mdx": imapSource, "articles/email/ok.mdx": imapSource }) }],
    });
    expect(error.status).toBe(422);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"../../etc/passwd.mdx": paths with . or .. or empty folders are not allowed'),
        expect.stringContaining('"/abs/x.mdx": absolute paths are not allowed'),
      ]),
    );
    const stray = await refused({ files: [{ name: "stray.zip", bytes: zip({ "articles/email/deep/x.mdx": imapSource, "notes.txt": "hi" }) }] });
    expect(stray.problems).toEqual([
      expect.stringMatching(/^articles\/email\/deep\/x\.mdx: is not part of a library/),
      expect.stringMatching(/^notes\.txt: is not part of a library/),
    ]);
  });

  it("refuses a zip bomb before inflating it, and a zip with too many files", async () => {
    const zeros = new Uint8Array(UPLOAD_LIMITS.fileBytes + 1);
    const bigFile = await refused({ files: [{ name: "bomb.zip", bytes: zip({ [IMAP]: zeros }) }] });
    expect(bigFile.status).toBe(413);
    expect(bigFile.message).toMatch(/one file may hold at most 1 MB/);

    const many = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`articles/email/a${i}.mdx`, new Uint8Array(UPLOAD_LIMITS.fileBytes)]));
    const bomb = await refused({ files: [{ name: "bomb.zip", bytes: zip(many) }] });
    expect(bomb.status).toBe(413);
    expect(bomb.message).toMatch(/unpacks to more than 64 MB/);

    const tiny = Object.fromEntries(Array.from({ length: UPLOAD_LIMITS.files + 1 }, (_, i) => [`articles/email/a${i}.mdx`, "x"]));
    const crowded = await refused({ files: [{ name: "crowded.zip", bytes: zip(tiny) }] });
    expect(crowded.status).toBe(413);
    expect(crowded.message).toMatch(/holds more than 5000 files/);
  });

  it("refuses text that is not UTF-8, files that are not zips, and mixed uploads", async () => {
    const latin1 = Uint8Array.from([...strToU8(imapSource.slice(0, 200)), 0xe9, 0xff]);
    expect((await refused(upload({ "the-difference-between-imap-and-pop.mdx": latin1 }))).problems).toEqual([expect.stringMatching(/is not UTF-8 text/)]);
    expect((await refused(upload({ "x.zip": "not a zip at all" }))).message).toMatch(/x\.zip: is not a readable zip file/);
    expect((await refused(upload({ "x.zip": "a", "b.mdx": "b" }))).message).toMatch(/Upload one zip on its own/);
    expect((await refused(upload({ "notes.txt": "hello" }))).problems).toEqual([expect.stringMatching(/^notes\.txt: upload \.mdx articles/)]);
    expect((await refused({ files: [] })).status).toBe(422);
  });

  it("refuses anonymous callers before reading anything", async () => {
    const untouchable = new Proxy(
      {},
      {
        get: () => {
          throw new Error("the database was touched");
        },
      },
    ) as never;
    await expect(exportLibraryZip({ db: untouchable, actor: null })).rejects.toMatchObject({ status: 401 });
    await expect(importLibraryUpload({ db: untouchable, actor: null }, upload({ "a.mdx": imapSource }))).rejects.toMatchObject({ status: 401 });
  });
});
