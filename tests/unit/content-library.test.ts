import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { publishContent } from "@/lib/articles/publishing";
import { exportLibrary } from "@/lib/content/export";
import { importLibrary } from "@/lib/content/import";
import { ContentValidationError, parseArticleFile, readLibrary } from "@/lib/content/library";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";
import { CONTENT_DIR } from "../support/library";

// Publishing outside Next.js: there are no cached pages to drop.
vi.mock("@/lib/articles/revalidate", () => ({ revalidateCustomerPages: () => {} }));

const categories = new Set(["email", "billing-account"]);
const FILE = "articles/email/set-up-mail.mdx";

function article(frontmatter: string, body = "Open **Mail** and add the account.\n") {
  return `---\n${frontmatter}\n---\n\n${body}`;
}

const good = [
  "title: Set up mail on your phone",
  "description: The settings your phone needs to send and receive mail.",
  "tags: [email, iphone, android]",
  "updated: 2026-11-20",
].join("\n");

async function problemsOf(file: string, source: string) {
  return (await parseArticleFile(file, source, categories)).problems;
}

describe("article validation", () => {
  it("accepts a well-formed article", async () => {
    const result = await parseArticleFile(FILE, article(good), categories);
    expect(result.problems).toEqual([]);
    expect(result.article).toMatchObject({ slug: "set-up-mail", category: "email", frontmatter: { related: [] } });
  });

  it("names the file and field of every frontmatter problem", async () => {
    const problems = await problemsOf(FILE, article(["title: Hi", "description: Too short", "tags: [Email]", "updated: 2026-13-45", "author: me"].join("\n")));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^articles\/email\/set-up-mail\.mdx: title: must be at least 3 characters/),
        expect.stringMatching(/: description: must be at least 20 characters/),
        expect.stringMatching(/: tags\.0: must be lowercase/),
        expect.stringMatching(/: updated: is not a real date/),
        expect.stringMatching(/: frontmatter: unknown key\(s\): author/),
      ]),
    );
  });

  it("reports a missing title as required", async () => {
    const problems = await problemsOf(FILE, article(good.replace(/^title:.*$/m, "")));
    expect(problems).toEqual([expect.stringMatching(/title: .*expected string/i)]);
  });

  it("refuses a file without frontmatter, and broken YAML with its line", async () => {
    expect(await problemsOf(FILE, "Just text")).toEqual([expect.stringMatching(/must start with a frontmatter block/)]);
    expect(await problemsOf(FILE, article(`${good}\ntags: [unclosed`))).toEqual([expect.stringMatching(/frontmatter line \d+/)]);
  });

  it("refuses bad slugs and unknown category folders", async () => {
    expect(await problemsOf("articles/email/Set_Up.mdx", article(good))).toEqual([expect.stringMatching(/not a valid slug/)]);
    expect(await problemsOf("articles/news/set-up.mdx", article(good))).toEqual([expect.stringMatching(/folder "news" is not a category/)]);
  });

  it("reports unsafe MDX with the line number in the file", async () => {
    const problems = await problemsOf(FILE, article(good, "Fine.\n\n<script>alert(1)</script>\n"));
    // Lines 1–7: two fences around four frontmatter lines, then a blank line; "Fine." is line 8.
    expect(problems).toEqual([`${FILE}:10: <script> is not an allowed component; use <Note>, <Tip>, <Warning>, <Steps>, <Kbd>, <Var> or Markdown`]);
  });

  it("reads `audience: internal` as staff only, and public when the line is left out", async () => {
    const internal = await parseArticleFile(FILE, article(`${good}\naudience: internal`), categories);
    expect(internal.article?.frontmatter.audience).toBe("internal");
    expect((await parseArticleFile(FILE, article(good), categories)).article?.frontmatter.audience).toBe("public");
  });

  it("refuses an unknown audience, naming the file, the field and the value", async () => {
    expect(await problemsOf(FILE, article(`${good}\naudience: staff`))).toEqual([
      'articles/email/set-up-mail.mdx: audience: "staff" is not an audience: write "internal" for an article only signed-in staff may read, or leave the line out for a public one',
    ]);
    expect(await problemsOf(FILE, article(`${good}\naudience: [internal]`))).toEqual([
      expect.stringMatching(/^articles\/email\/set-up-mail\.mdx: audience: \["internal"\] is not an audience/),
    ]);
  });

  it("hashes a public article as before audiences existed, and an internal one apart from it", async () => {
    const plain = (await parseArticleFile(FILE, article(good), categories)).article!;
    const explicit = (await parseArticleFile(FILE, article(`${good}\naudience: public`), categories)).article!;
    const internal = (await parseArticleFile(FILE, article(`${good}\naudience: internal`), categories)).article!;
    expect(explicit.contentHash).toBe(plain.contentHash);
    expect(internal.contentHash).not.toBe(plain.contentHash);
    // What the hash was before this field: stored revisions of public articles still match it.
    const { createHash } = await import("node:crypto");
    const fields: Partial<typeof plain.frontmatter> = { ...plain.frontmatter };
    delete fields.audience;
    expect(plain.contentHash).toBe(
      createHash("sha256")
        .update(JSON.stringify({ category: "email", ...fields, body: plain.body }))
        .digest("hex"),
    );
  });

  it("refuses an article related to itself", async () => {
    expect(await problemsOf(FILE, article(`${good}\nrelated: [set-up-mail]`))).toEqual([expect.stringMatching(/related to itself/)]);
  });
});

describe("the starter library", () => {
  it("validates, with at least 30 articles in at least 6 categories", async () => {
    const library = await readLibrary(CONTENT_DIR);
    expect(library.articles.length).toBeGreaterThanOrEqual(30);
    expect(new Set(library.articles.map((a) => a.category)).size).toBeGreaterThanOrEqual(6);
  });

  it("carries every fact of the IMAP and POP source page", async () => {
    const library = await readLibrary(CONTENT_DIR);
    const imap = library.articles.find((a) => a.slug === "the-difference-between-imap-and-pop");
    expect(imap?.frontmatter.title).toBe("The difference between IMAP and POP");
    const text = imap!.body.toLowerCase();
    for (const fact of [
      "post office protocol",
      "internet message access protocol",
      "deletes",
      "one dedicated computer",
      "synchronises",
      "copies",
      "home",
      "office",
      "the road",
      "993",
      "995",
      "587",
    ]) {
      expect(text).toContain(fact);
    }
  });
});

describe("cross-file rules", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "library-"));
    await cp(CONTENT_DIR, dir, { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("refuses a public article that lists an internal one among its related articles", async () => {
    const source = await readFile(path.join(dir, "articles/email/use-webmail.mdx"), "utf8");
    await writeFile(path.join(dir, "articles/email/use-webmail.mdx"), source.replace(/related: \[[^\]]*\]/, "related: [escalate-a-mailbox-outage]"));
    const error = await readLibrary(dir).catch((e: unknown) => e);
    await writeFile(path.join(dir, "articles/email/use-webmail.mdx"), source);
    expect((error as ContentValidationError).problems).toEqual([
      'articles/email/use-webmail.mdx: related: "escalate-a-mailbox-outage" is internal (staff only), so customers could not open it; remove it, or make this article internal too',
    ]);
  });

  it("refuses duplicate slugs and related articles that do not exist", async () => {
    const imap = await readFile(path.join(dir, "articles/email/mx-records.mdx").replace("email", "domains-dns"), "utf8");
    await writeFile(path.join(dir, "articles/email/mx-records.mdx"), imap.replace(/related: \[[^\]]*\]/, "related: [no-such-article]"));
    const error = await readLibrary(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentValidationError);
    expect((error as ContentValidationError).problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/slug "mx-records" is already used/),
        expect.stringMatching(/related: no article has the slug "no-such-article"/),
      ]),
    );
  });
});

describe.each(providers)("import and export on $name", ({ name, available }) => {
  let database: TestDatabase;
  let work: string;
  beforeAll(async () => {
    if (!available) return;
    database = await createTestDatabase(name);
    work = await mkdtemp(path.join(tmpdir(), "library-"));
    await cp(CONTENT_DIR, work, { recursive: true });
  });
  afterAll(async () => {
    await database?.dispose();
    await rm(work, { recursive: true, force: true });
  });

  it.skipIf(!available)("imports every article as published, then does nothing for unchanged files", async () => {
    const library = await readLibrary(work);
    const first = await importLibrary(database.db, library);
    expect(first.created).toHaveLength(library.articles.length);
    expect(await database.db.article.count({ where: { status: "published" } })).toBe(library.articles.length);

    const second = await importLibrary(database.db, await readLibrary(work));
    expect(second).toEqual({ created: [], updated: [], unchanged: library.articles.length });
    expect(await database.db.articleRevision.count()).toBe(library.articles.length);
  });

  it.skipIf(!available)("publishes a changed file as a new revision and keeps the old one", async () => {
    const file = path.join(work, "articles/email/mailbox-full.mdx");
    await writeFile(file, (await readFile(file, "utf8")).replace("## ", "A new first paragraph.\n\n## "));
    const summary = await importLibrary(database.db, await readLibrary(work));
    expect(summary.updated).toEqual(["mailbox-full"]);

    const stored = await database.db.article.findUniqueOrThrow({
      where: { slug: "mailbox-full" },
      include: { revisions: { orderBy: { createdAt: "asc" } }, publishedRevision: true },
    });
    expect(stored.revisions).toHaveLength(2);
    expect(stored.publishedRevision?.id).toBe(stored.revisions[1]!.id);
    expect(stored.publishedRevision?.body).toContain("A new first paragraph.");
  });

  it.skipIf(!available)("imports `audience: internal` onto the article and its revision, and exports the file byte for byte", async () => {
    const playbook = "articles/email/escalate-a-mailbox-outage.mdx";
    const stored = await database.db.article.findUniqueOrThrow({
      where: { slug: "escalate-a-mailbox-outage" },
      select: { audience: true, publishedRevision: { select: { audience: true } } },
    });
    expect(stored).toEqual({ audience: "internal", publishedRevision: { audience: "internal" } });
    expect(await database.db.article.count({ where: { audience: "internal" } })).toBe(1);
    const out = await mkdtemp(path.join(tmpdir(), "export-"));
    try {
      await exportLibrary(database.db, out);
      const exported = await readFile(path.join(out, playbook), "utf8");
      expect(exported).toBe(await readFile(path.join(work, playbook), "utf8"));
      expect(exported).toMatch(/^audience: internal$/m);
      // A public article's file has no audience line at all.
      expect(await readFile(path.join(out, "articles/email/use-webmail.mdx"), "utf8")).not.toMatch(/^audience:/m);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it.skipIf(!available)("makes an article public again when its file drops the audience line", async () => {
    const file = path.join(work, "articles/email/escalate-a-mailbox-outage.mdx");
    const source = await readFile(file, "utf8");
    try {
      await writeFile(file, source.replace("audience: internal\n", ""));
      expect((await importLibrary(database.db, await readLibrary(work))).updated).toEqual(["escalate-a-mailbox-outage"]);
      expect(await database.db.article.findUniqueOrThrow({ where: { slug: "escalate-a-mailbox-outage" }, select: { audience: true } })).toEqual({
        audience: "public",
      });
    } finally {
      await writeFile(file, source);
    }
    expect((await importLibrary(database.db, await readLibrary(work))).updated).toEqual(["escalate-a-mailbox-outage"]);
    expect(await database.db.article.findUniqueOrThrow({ where: { slug: "escalate-a-mailbox-outage" }, select: { audience: true } })).toEqual({
      audience: "internal",
    });
  });

  it.skipIf(!available)("exports files that import back unchanged", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "export-"));
    try {
      const written = await exportLibrary(database.db, out);
      expect(written.length).toBeGreaterThanOrEqual(30);
      const original = await readLibrary(work);
      const exported = await readLibrary(out);
      const hashes = (l: typeof original) => Object.fromEntries(l.articles.map((a) => [a.slug, a.contentHash]));
      expect(hashes(exported)).toEqual(hashes(original));
      expect(await readFile(path.join(out, "articles/email/use-webmail.mdx"), "utf8")).toBe(
        await readFile(path.join(work, "articles/email/use-webmail.mdx"), "utf8"),
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
  it.skipIf(!available)("an empty database imports the export back: every published article byte for byte", async () => {
    // One article as staff write them, with what a careless round trip would lose.
    const article = await database.db.article.create({
      data: { slug: "staff-written", title: "x", description: "x", categorySlug: "email", contentUpdatedAt: new Date() },
    });
    const ada = await database.db.staffUser.create({ data: { email: "ada@example.com", name: "Ada", passwordHash: "not used here" } });
    await publishContent(database.db, {
      articleId: article.id,
      content: {
        slug: "staff-written",
        title: "Überweisung & “quotes” — set up mail: step 1",
        description: "Tabs, trailing spaces, emoji 📬 and a table survive an export and an import.",
        categorySlug: "email",
        tags: ["unicode", "round-trip"],
        related: ["use-webmail"],
        audience: "public",
        body: "## Steps\n\n1. Open **Mail**.  \n2. Press <Kbd>Tab</Kbd>\tthen save.\n\n| Port | Use |\n| --- | --- |\n| 993 | IMAP — SSL |\n\n<Note>Done 📬</Note>\n",
      },
      actor: { id: ada.id, email: ada.email, name: ada.name, role: "editor" },
      expectedHeadRevisionId: null,
    });
    const first = await mkdtemp(path.join(tmpdir(), "export-a-"));
    const second = await mkdtemp(path.join(tmpdir(), "export-b-"));
    const empty = await createTestDatabase(name);
    try {
      const written = await exportLibrary(database.db, first);
      expect(written).toContain(path.join("articles", "email", "staff-written.mdx"));
      // Translations too, beside their sources, and categories.json with the categories' German names.
      expect(written).toContain(path.join("articles", "email", "the-difference-between-imap-and-pop.de.mdx"));
      expect(await readFile(path.join(first, "categories.json"), "utf8")).toBe(await readFile(path.join(work, "categories.json"), "utf8"));
      const summary = await importLibrary(empty.db, await readLibrary(first));
      expect(summary.created).toHaveLength(written.length);
      expect((await exportLibrary(empty.db, second)).sort()).toEqual([...written].sort());
      for (const file of ["categories.json", ...written]) {
        expect(await readFile(path.join(second, file)), file).toEqual(await readFile(path.join(first, file)));
      }
      // What customers see is the same too: every published revision, field by field.
      const published = (db: TestDatabase["db"]) =>
        db.article.findMany({
          where: { status: "published", deletedAt: null },
          orderBy: { slug: "asc" },
          select: {
            slug: true,
            categorySlug: true,
            audience: true,
            locale: true,
            translationOf: { select: { slug: true } },
            publishedRevision: { select: { title: true, description: true, tags: true, related: true, audience: true, body: true } },
          },
        });
      expect(await published(empty.db)).toEqual(await published(database.db));
    } finally {
      await empty.dispose();
      await rm(first, { recursive: true, force: true });
      await rm(second, { recursive: true, force: true });
    }
  });
});
