// Translations in the content library: articles/<category>/<source-slug>.<locale>.mdx beside its
// source, with its own `slug` in the frontmatter, and categories' names in other languages in
// categories.json. The rules, then import, export, zip and the staff upload against a real database.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { publishContent } from "@/lib/articles/publishing";
import type { Actor } from "@/lib/auth/roles";
import { LibraryUploadError, packZip, unpackZip } from "@/lib/content/archive";
import { exportLibrary, exportLibraryFiles } from "@/lib/content/export";
import { importLibrary } from "@/lib/content/import";
import { ContentValidationError, type Library, readLibrary, readLibraryFiles } from "@/lib/content/library";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { importLibraryUpload, type LibraryUpload, listLibraryCategories } from "@/lib/staff/library";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";
import { CONTENT_DIR } from "../support/library";

// Publishing outside Next.js: there are no cached pages to drop.
vi.mock("@/lib/articles/revalidate", () => ({ revalidateCustomerPages: () => {} }));

const categories = (translations: unknown = { de: { name: "E-Mail", description: "Postfächer, Mail-Apps und Webmail." } }) =>
  JSON.stringify([
    { slug: "email", name: "Email", description: "Mailboxes, mail apps and webmail.", translations },
    { slug: "billing", name: "Billing", description: "Invoices, payments and refunds." },
  ]);

function mdx(lines: string[], body: string) {
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}

const sourceLines = [
  "title: Set up mail on your phone",
  "description: The settings your phone needs to send and receive mail.",
  "tags: [email, iphone]",
  "updated: 2026-11-20",
];
const germanLines = [
  "slug: mail-am-smartphone",
  "title: E-Mail auf dem Smartphone einrichten",
  "description: Die Einstellungen, die Ihr Smartphone zum Senden und Empfangen von E-Mails braucht.",
  "tags: [e-mail, iphone]",
  "updated: 2026-11-21",
];
const SOURCE = "articles/email/set-up-mail.mdx";
const GERMAN = "articles/email/set-up-mail.de.mdx";
const source = (extra: string[] = []) => mdx([...sourceLines, ...extra], "Open **Mail** and add the account.\n");
const german = (lines: string[] = germanLines) => mdx(lines, "Öffnen Sie **Mail** und fügen Sie das Konto hinzu.\n");

function files(entries: Record<string, string | null> = {}): Map<string, string> {
  const all: Record<string, string | null> = {
    "categories.json": categories(),
    [SOURCE]: source(),
    [GERMAN]: german(),
    "articles/billing/pay-an-invoice.mdx": mdx(
      ["title: Pay an invoice", "description: How to pay an invoice by card or bank transfer.", "tags: [billing]", "updated: 2026-11-20"],
      "Open **Billing**.\n",
    ),
    ...entries,
  };
  return new Map(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== null));
}

async function problemsOf(library: Map<string, string>): Promise<string[]> {
  const error = await readLibraryFiles(library).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ContentValidationError);
  return (error as ContentValidationError).problems;
}

describe("translation files", () => {
  it("reads <source-slug>.<locale>.mdx as a translation of the source beside it, with its own slug", async () => {
    const library = await readLibraryFiles(files());
    const translation = library.articles.find((a) => a.file === GERMAN);
    expect(translation).toMatchObject({ slug: "mail-am-smartphone", category: "email", locale: "de", translationOf: "set-up-mail" });
    expect(translation?.frontmatter).toEqual({
      title: "E-Mail auf dem Smartphone einrichten",
      description: "Die Einstellungen, die Ihr Smartphone zum Senden und Empfangen von E-Mails braucht.",
      tags: ["e-mail", "iphone"],
      updated: "2026-11-21",
      related: [],
      audience: "public",
    });
    expect(library.articles.find((a) => a.file === SOURCE)).toMatchObject({ slug: "set-up-mail", locale: DEFAULT_LOCALE, translationOf: null });
    // Its hash is its own: the same text as a source would not hash the same.
    const sourceHash = library.articles.find((a) => a.file === SOURCE)!.contentHash;
    expect(translation?.contentHash).not.toBe(sourceHash);
  });

  it("refuses a language the help center does not have", async () => {
    expect(
      await problemsOf(files({ "articles/email/set-up-mail.fr.mdx": german(germanLines.map((l) => l.replace("mail-am-smartphone", "mail-fr"))) })),
    ).toEqual([
      'articles/email/set-up-mail.fr.mdx: "fr" is not a language of the help center; a translation is named <source-slug>.<language>.mdx with a language from: de',
    ]);
  });

  it("refuses the default language as a suffix", async () => {
    expect(
      await problemsOf(files({ "articles/email/set-up-mail.en.mdx": german(germanLines.map((l) => l.replace("mail-am-smartphone", "mail-en"))) })),
    ).toEqual(['articles/email/set-up-mail.en.mdx: "en" is the default language, so the file is not a translation; the en article is set-up-mail.mdx itself']);
  });

  it("refuses more than one language in a file name", async () => {
    expect(
      await problemsOf(files({ "articles/email/set-up-mail.de.at.mdx": german(germanLines.map((l) => l.replace("mail-am-smartphone", "mail-at"))) })),
    ).toEqual(["articles/email/set-up-mail.de.at.mdx: a file name holds one language at most: <slug>.mdx, or <source-slug>.<language>.mdx for a translation"]);
  });

  it("refuses a translation without its source beside it, including a second one in another folder", async () => {
    expect(await problemsOf(files({ [SOURCE]: null }))).toEqual([
      'articles/email/set-up-mail.de.mdx: translates "set-up-mail", but there is no articles/email/set-up-mail.mdx; a translation lives beside its source',
    ]);
    // Two translations of one article into one language cannot share a folder; in another folder there is no source.
    const elsewhere = german(germanLines.map((l) => l.replace("mail-am-smartphone", "mail-am-handy")));
    expect(await problemsOf(files({ "articles/billing/set-up-mail.de.mdx": elsewhere }))).toEqual([
      'articles/billing/set-up-mail.de.mdx: translates "set-up-mail", but there is no articles/billing/set-up-mail.mdx; a translation lives beside its source',
    ]);
  });

  it("refuses a translation slug any other article has: a source, another translation, or its own source", async () => {
    expect(await problemsOf(files({ [GERMAN]: german(germanLines.map((l) => l.replace("mail-am-smartphone", "pay-an-invoice"))) }))).toEqual([
      'articles/email/set-up-mail.de.mdx: slug "pay-an-invoice" is already used by articles/billing/pay-an-invoice.mdx',
    ]);
    const second = mdx(
      [
        "slug: mail-am-smartphone",
        "title: Eine Rechnung bezahlen",
        "description: So bezahlen Sie eine Rechnung per Karte oder Überweisung.",
        "tags: [rechnung]",
        "updated: 2026-11-21",
      ],
      "Öffnen Sie **Billing**.\n",
    );
    expect(await problemsOf(files({ "articles/billing/pay-an-invoice.de.mdx": second }))).toEqual([
      'articles/email/set-up-mail.de.mdx: slug "mail-am-smartphone" is already used by articles/billing/pay-an-invoice.de.mdx',
    ]);
    expect(await problemsOf(files({ [GERMAN]: german(germanLines.map((l) => l.replace("mail-am-smartphone", "set-up-mail"))) }))).toEqual([
      'articles/email/set-up-mail.de.mdx: slug: "set-up-mail" is the slug of the source it translates; give the translation its own, e.g. set-up-mail-de',
    ]);
  });

  it("requires a translation's slug, and refuses one in a source", async () => {
    expect(await problemsOf(files({ [GERMAN]: german(germanLines.slice(1)) }))).toEqual([
      expect.stringMatching(/^articles\/email\/set-up-mail\.de\.mdx: slug: .*expected string/i),
    ]);
    expect(await problemsOf(files({ [SOURCE]: source(["slug: set-up-mail"]) }))).toEqual([
      "articles/email/set-up-mail.mdx: frontmatter: unknown key(s): slug (only a translation names its slug; a source's slug is its file name)",
    ]);
  });

  it("gives a translation its source's audience, and refuses a file that says otherwise", async () => {
    expect(await problemsOf(files({ [GERMAN]: german([...germanLines, "audience: internal"]) }))).toEqual([
      "articles/email/set-up-mail.de.mdx: audience: a translation has its source's audience, and articles/email/set-up-mail.mdx is public; remove the audience line",
    ]);
    expect(await problemsOf(files({ [SOURCE]: source(["audience: internal"]) }))).toEqual([
      "articles/email/set-up-mail.de.mdx: audience: a translation has its source's audience, and articles/email/set-up-mail.mdx is internal; add the line `audience: internal`",
    ]);
    const internal = await readLibraryFiles(files({ [SOURCE]: source(["audience: internal"]), [GERMAN]: german([...germanLines, "audience: internal"]) }));
    expect(internal.articles.find((a) => a.file === GERMAN)?.frontmatter.audience).toBe("internal");
  });

  it("names related articles by their sources' slugs", async () => {
    const related = (slugs: string) => german(germanLines.map((l) => (l.startsWith("updated:") ? `${l}\nrelated: [${slugs}]` : l)));
    expect((await readLibraryFiles(files({ [GERMAN]: related("pay-an-invoice") }))).articles.find((a) => a.file === GERMAN)?.frontmatter.related).toEqual([
      "pay-an-invoice",
    ]);
    expect(await problemsOf(files({ [GERMAN]: related("set-up-mail") }))).toEqual([
      "articles/email/set-up-mail.de.mdx: related: an article cannot be related to itself",
    ]);
    const invoice = mdx(
      [
        "slug: rechnung-bezahlen",
        "title: Eine Rechnung bezahlen",
        "description: So bezahlen Sie eine Rechnung per Karte oder Überweisung.",
        "tags: [rechnung]",
        "updated: 2026-11-21",
      ],
      "Öffnen Sie **Billing**.\n",
    );
    expect(await problemsOf(files({ [GERMAN]: related("rechnung-bezahlen"), "articles/billing/pay-an-invoice.de.mdx": invoice }))).toEqual([
      'articles/email/set-up-mail.de.mdx: related: "rechnung-bezahlen" is a translation; related articles are named by their source\'s slug, here "pay-an-invoice"',
    ]);
  });
});

describe("category translations in categories.json", () => {
  it("reads names and descriptions in the other languages", async () => {
    const library = await readLibraryFiles(files());
    expect(library.categories).toEqual([
      {
        slug: "email",
        name: "Email",
        description: "Mailboxes, mail apps and webmail.",
        translations: { de: { name: "E-Mail", description: "Postfächer, Mail-Apps und Webmail." } },
      },
      { slug: "billing", name: "Billing", description: "Invoices, payments and refunds." },
    ]);
  });

  it("refuses a language that is not configured, the default language, and incomplete or unknown fields", async () => {
    const text = { name: "Courriel", description: "Boîtes aux lettres et webmail." };
    expect(await problemsOf(files({ "categories.json": categories({ fr: text }) }))).toEqual([
      'categories.json: 0.translations.fr: "fr" is not a language of the help center; translations may be in de',
    ]);
    expect(await problemsOf(files({ "categories.json": categories({ en: text }) }))).toEqual([
      'categories.json: 0.translations.en: "en" is the default language: the category\'s own name and description are in it',
    ]);
    expect(await problemsOf(files({ "categories.json": categories({ de: { name: "E-Mail" } }) }))).toEqual([
      expect.stringMatching(/^categories\.json: 0\.translations\.de\.description: /),
    ]);
    expect(await problemsOf(files({ "categories.json": categories({ de: { ...text, title: "x" } }) }))).toEqual([
      expect.stringMatching(/^categories\.json: 0\.translations\.de: .*title/),
    ]);
  });
});

describe("the starter library's German translations", () => {
  let library: Library;
  beforeAll(async () => {
    library = await readLibrary(CONTENT_DIR);
  });

  it("translates at least five articles, IMAP and POP among them, and names every category in German", () => {
    const translations = library.articles.filter((a) => a.translationOf !== null);
    expect(translations.length).toBeGreaterThanOrEqual(5);
    expect(translations.every((a) => a.locale === "de")).toBe(true);
    expect(translations.find((a) => a.translationOf === "the-difference-between-imap-and-pop")?.slug).toBe("imap-oder-pop");
    expect(new Set(translations.map((a) => a.category)).size).toBeGreaterThanOrEqual(2);
    expect(library.categories.filter((c) => !c.translations?.de).map((c) => c.slug)).toEqual([]);
  });

  it("leaves some articles of a translated category untranslated, so they show as fallbacks", () => {
    const translated = new Set(library.articles.map((a) => a.translationOf).filter(Boolean));
    const email = library.articles.filter((a) => a.category === "email" && a.translationOf === null);
    expect(email.some((a) => translated.has(a.slug))).toBe(true);
    expect(email.some((a) => !translated.has(a.slug))).toBe(true);
  });

  it("keeps the IMAP and POP facts in German: ports, protocols, and how long apps keep a POP copy", () => {
    const body = library.articles.find((a) => a.slug === "imap-oder-pop")!.body;
    for (const fact of ["Post Office Protocol", "Internet Message Access Protocol", "993", "995", "143", "110", "465", "587", "14 Tagen", "nach einer Woche"]) {
      expect(body).toContain(fact);
    }
  });
});

const editor: Actor = { id: "editor-1", email: "ed@example.com", name: "Ada Editor", role: "editor" };

/** Every file under `root`, relative to it with / between folders. */
async function filesUnder(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

describe.each(providers.filter((p) => p.available))("translations in the database on $name", ({ name }) => {
  let t: TestDatabase;
  let library: Library;
  beforeAll(async () => {
    t = await createTestDatabase(name);
    library = await readLibrary(CONTENT_DIR);
    await importLibrary(t.db, library);
  });
  afterAll(() => t?.dispose());

  const ctx = () => ({ db: t.db, actor: editor });
  const upload = (entries: Record<string, string>): LibraryUpload => ({
    files: Object.entries(entries).map(([file, text]) => ({ name: file, bytes: strToU8(text) })),
  });
  const snapshot = async () => ({
    revisions: await t.db.articleRevision.count(),
    articles: await t.db.article.findMany({
      select: { slug: true, locale: true, translationOfId: true, categorySlug: true, publishedRevisionId: true },
      orderBy: { slug: "asc" },
    }),
    categories: await t.db.category.findMany({ orderBy: { slug: "asc" } }),
  });
  async function refused(input: LibraryUpload) {
    const before = await snapshot();
    const error = await importLibraryUpload(ctx(), input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryUploadError);
    expect(await snapshot()).toEqual(before);
    return error as LibraryUploadError;
  }

  it("imports each translation as a published row in its language, pointing to its source", async () => {
    const translations = library.articles.filter((a) => a.translationOf !== null);
    for (const translation of translations) {
      const row = await t.db.article.findUniqueOrThrow({
        where: { slug: translation.slug },
        select: { locale: true, status: true, categorySlug: true, audience: true, translationOf: { select: { slug: true } }, publishedRevision: true },
      });
      expect(row).toMatchObject({
        locale: "de",
        status: "published",
        categorySlug: translation.category,
        audience: "public",
        translationOf: { slug: translation.translationOf },
        publishedRevision: { title: translation.frontmatter.title, body: translation.body, contentHash: translation.contentHash, author: "content import" },
      });
    }
    expect(await t.db.article.count({ where: { locale: "de" } })).toBe(translations.length);
    expect(await t.db.article.count({ where: { locale: DEFAULT_LOCALE, translationOfId: null } })).toBe(library.articles.length - translations.length);
  });

  it("counts a category's articles in the default language, and its translations apart, on the staff Library page", async () => {
    const email = (await listLibraryCategories(ctx())).find((c) => c.slug === "email");
    const inEmail = library.articles.filter((a) => a.category === "email");
    expect(email).toEqual({
      slug: "email",
      name: "Email",
      published: inEmail.filter((a) => a.translationOf === null).length,
      translations: inEmail.filter((a) => a.translationOf !== null).length,
    });
    expect(email?.translations).toBeGreaterThanOrEqual(3);
  });

  it("stores the categories' German names as JSON", async () => {
    const email = await t.db.category.findUniqueOrThrow({ where: { slug: "email" }, select: { translations: true } });
    expect(JSON.parse(email.translations)).toEqual({ de: library.categories.find((c) => c.slug === "email")!.translations!.de });
  });

  it("re-imports unchanged translations as a no-op", async () => {
    const revisions = await t.db.articleRevision.count();
    expect(await importLibrary(t.db, await readLibrary(CONTENT_DIR))).toEqual({ created: [], updated: [], unchanged: library.articles.length });
    expect(await t.db.articleRevision.count()).toBe(revisions);
  });

  it("exports content/ back byte for byte: translations beside their sources, and categories.json with its translations", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "export-"));
    try {
      await exportLibrary(t.db, out);
      const written = await filesUnder(out);
      expect(written).toEqual(await filesUnder(CONTENT_DIR));
      expect(written).toContain("articles/email/the-difference-between-imap-and-pop.de.mdx");
      for (const file of written) expect(await readFile(path.join(out, file), "utf8"), file).toBe(await readFile(path.join(CONTENT_DIR, file), "utf8"));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("round-trips through a zip into an empty database, translations and category names included", async () => {
    const exported = await exportLibraryFiles(t.db);
    const unpacked = new Map<string, string>();
    for (const entry of unpackZip("library.zip", packZip(exported))) if ("path" in entry) unpacked.set(entry.path, entry.text);
    expect(unpacked).toEqual(exported);
    const empty = await createTestDatabase(name);
    try {
      const summary = await importLibrary(empty.db, await readLibraryFiles(unpacked));
      expect(summary.created).toHaveLength(library.articles.length);
      expect(await exportLibraryFiles(empty.db)).toEqual(exported);
      const imap = await empty.db.article.findUniqueOrThrow({
        where: { slug: "imap-oder-pop" },
        select: { locale: true, translationOf: { select: { slug: true } } },
      });
      expect(imap).toEqual({ locale: "de", translationOf: { slug: "the-difference-between-imap-and-pop" } });
    } finally {
      await empty.dispose();
    }
  });

  it("publishes an uploaded translation beside its source, and a new slug renames the same row", async () => {
    const file = "articles/email/mailbox-full.de.mdx";
    const text = await readFile(path.join(CONTENT_DIR, file), "utf8");
    const before = await t.db.article.findUniqueOrThrow({ where: { slug: "postfach-voll" }, select: { id: true } });

    const changed = text.replace("## ", "Ein neuer erster Absatz.\n\n## ");
    const result = await importLibraryUpload(ctx(), upload({ "mailbox-full.de.mdx": changed }));
    expect(result.updated).toEqual([{ slug: "postfach-voll", title: "Postfach voll", categorySlug: "email" }]);
    const stored = await t.db.article.findUniqueOrThrow({
      where: { slug: "postfach-voll" },
      select: { id: true, publishedRevision: { select: { body: true, author: true } } },
    });
    expect(stored).toEqual({ id: before.id, publishedRevision: { body: expect.stringContaining("Ein neuer erster Absatz."), author: "Ada Editor" } });

    const renamed = await importLibraryUpload(ctx(), upload({ "mailbox-full.de.mdx": changed.replace("slug: postfach-voll", "slug: postfach-ist-voll") }));
    expect(renamed.updated.map((a) => a.slug)).toEqual(["postfach-ist-voll"]);
    expect(await t.db.article.findUniqueOrThrow({ where: { slug: "postfach-ist-voll" }, select: { id: true, locale: true } })).toEqual({
      id: before.id,
      locale: "de",
    });
    expect(await t.db.article.findUnique({ where: { slug: "postfach-voll" } })).toBeNull();
    // The old address redirects, as after a rename in the editor.
    expect(await t.db.slugRedirect.findUnique({ where: { fromSlug: "postfach-voll" }, select: { articleId: true } })).toEqual({ articleId: before.id });

    // Back as content/ has it, so the other tests see the starter library.
    await importLibraryUpload(ctx(), upload({ "mailbox-full.de.mdx": text }));
    expect(await t.db.article.findUniqueOrThrow({ where: { slug: "postfach-voll" }, select: { id: true } })).toEqual(before);
    expect(await t.db.slugRedirect.findMany({ where: { articleId: before.id }, select: { fromSlug: true } })).toEqual([{ fromSlug: "postfach-ist-voll" }]);
  });

  it("hashes a translation published in the editor as the import does, so its export imports back unchanged", async () => {
    const row = await t.db.article.findUniqueOrThrow({ where: { slug: "subdomain-anlegen" }, include: { publishedRevision: true } });
    const ada = await t.db.staffUser.create({ data: { email: "ada@example.com", name: "Ada", passwordHash: "not used here" } });
    const revision = row.publishedRevision!;
    await publishContent(t.db, {
      articleId: row.id,
      content: {
        slug: row.slug,
        title: revision.title,
        description: revision.description,
        categorySlug: revision.categorySlug,
        tags: JSON.parse(revision.tags) as string[],
        related: JSON.parse(revision.related) as string[],
        audience: "public",
        body: `${revision.body}\n\nEin Satz aus dem Editor.`,
      },
      actor: { id: ada.id, email: ada.email, name: ada.name, role: "editor" },
      expectedHeadRevisionId: revision.id,
    });
    const exported = await exportLibraryFiles(t.db);
    expect(exported.get("articles/domains-dns/create-a-subdomain.de.mdx")).toContain("Ein Satz aus dem Editor.");
    const summary = await importLibrary(t.db, await readLibraryFiles(exported));
    expect(summary).toEqual({ created: [], updated: [], unchanged: library.articles.length });
  });

  it("refuses, storing nothing, a translation whose slug a stored article has", async () => {
    const text = await readFile(path.join(CONTENT_DIR, "articles/email/mailbox-full.de.mdx"), "utf8");
    const error = await refused(upload({ "mailbox-full.de.mdx": text.replace("slug: postfach-voll", "slug: use-webmail") }));
    expect(error.problems).toEqual(['articles/email/mailbox-full.de.mdx: slug "use-webmail" is already used by another article in the help center']);
    const taken = await refused(upload({ "mailbox-full.de.mdx": text.replace("slug: postfach-voll", "slug: imap-oder-pop") }));
    expect(taken.problems).toEqual(['articles/email/mailbox-full.de.mdx: slug "imap-oder-pop" is already used by another article in the help center']);
  });

  it("refuses, storing nothing, a zip with an unknown language, a default-language suffix, or a translation without its source", async () => {
    const text = await readFile(path.join(CONTENT_DIR, "articles/email/mailbox-full.de.mdx"), "utf8");
    const zip = (entries: Record<string, string>) => ({ files: [{ name: "library.zip", bytes: packZip(new Map(Object.entries(entries))) }] });
    expect((await refused(zip({ "articles/email/mailbox-full.fr.mdx": text.replace("postfach-voll", "boite-pleine") }))).problems).toEqual([
      expect.stringMatching(/^articles\/email\/mailbox-full\.fr\.mdx: "fr" is not a language of the help center/),
    ]);
    expect((await refused(zip({ "articles/email/mailbox-full.en.mdx": text.replace("postfach-voll", "mailbox-full-en") }))).problems).toEqual([
      expect.stringMatching(/^articles\/email\/mailbox-full\.en\.mdx: "en" is the default language/),
    ]);
    expect((await refused(zip({ "articles/email/no-such-article.de.mdx": text.replace("postfach-voll", "gibt-es-nicht") }))).problems).toEqual([
      'articles/email/no-such-article.de.mdx: translates "no-such-article", but there is no articles/email/no-such-article.mdx; a translation lives beside its source',
    ]);
    // Filed in another category than its source's, it has no source beside it either.
    expect((await refused(zip({ "articles/billing-account/mailbox-full.de.mdx": text }))).problems).toEqual([
      expect.stringMatching(
        /^articles\/billing-account\/mailbox-full\.de\.mdx: translates "mailbox-full", but there is no articles\/billing-account\/mailbox-full\.mdx/,
      ),
    ]);
  });

  it("keeps the categories' German names when an upload holds no categories.json", async () => {
    const before = await t.db.category.findMany({ orderBy: { slug: "asc" } });
    const text = await readFile(path.join(CONTENT_DIR, "articles/email/use-webmail.mdx"), "utf8");
    await importLibraryUpload(ctx(), upload({ "use-webmail.mdx": text }));
    expect(await t.db.category.findMany({ orderBy: { slug: "asc" } })).toEqual(before);
  });
});
