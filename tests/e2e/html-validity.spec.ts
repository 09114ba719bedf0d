// Valid HTML on every customer and staff page, as the server sends it: html-validate (rules in
// .htmlvalidate.mjs) on each page, and the W3C Nu HTML checker (vnu.jar from the vnu-jar package,
// run with Java) once over all of them. Every published article and category is included, so an
// article's Markdown cannot bring invalid HTML in either.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { customerVisible, publishedArticle } from "../../lib/articles/visibility";
import { createSession } from "../../lib/auth/sessions";
import { CUSTOMER_PAGES } from "./page-checks";
import { createStaffAccount, expect, seedPublishedArticle, SESSION_COOKIE, test } from "./staff-fixtures";
import { seededRouteParams, staffPageUrls } from "./staff-pages";
import { localePath } from "../../lib/i18n/locales";

interface FetchedPage {
  url: string;
  html: string;
}

/** vnu.jar's JSON output (--format json): one message per problem, naming the file it was in. */
interface NuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

const VNU_JAR = createRequire(import.meta.url)("vnu-jar") as string;

/** Customer pages beyond CUSTOMER_PAGES: every article customers can read and every category, and a search that finds nothing. */
async function libraryPages(db: import("../../lib/db-client").Database): Promise<string[]> {
  const [articles, categories] = await Promise.all([
    db.article.findMany({ where: customerVisible, select: { slug: true, locale: true }, orderBy: { slug: "asc" } }),
    db.category.findMany({ select: { slug: true }, orderBy: { slug: "asc" } }),
  ]);
  // Every article at its own address (translations under their language's prefix), and the German
  // pages that frame articles and categories too: an untranslated one shows there with a notice.
  return [
    ...articles.map((a) => localePath(a.locale, `/articles/${a.slug}`)),
    ...categories.flatMap((c) => [`/categories/${c.slug}`, `/de/categories/${c.slug}`]),
    "/de",
    "/de/articles/reset-an-email-password",
    "/search?q=qwertyuiop+zxcv",
    "/de/search?q=postfach",
    "/contact",
    "/de/contact",
  ];
}

/** Every staff page (as an admin, who sees them all), plus history's comparison and restore views. */
async function staffPages(db: import("../../lib/db-client").Database) {
  const admin = await createStaffAccount(db, "admin");
  const { token } = await createSession(db, admin.id);
  const fill = await seededRouteParams(db);
  // An article with two revisions, for the history page's comparison and restore views.
  const article = await seedPublishedArticle(db, admin, {
    slug: `e2e-valid-${Date.now().toString(36)}`,
    title: "An article with two versions",
    body: "## First\n\nThe first version.",
  });
  const second = await db.articleRevision.create({
    data: {
      articleId: article.id,
      title: "An article with two versions",
      description: "An article the staff tests create and change as they need.",
      categorySlug: "email",
      tags: '["testing"]',
      related: "[]",
      body: "## First\n\nThe second version.\n\n| a | b |\n| - | - |\n| 1 | 2 |",
      contentHash: `${article.revisionId}-2`,
      author: admin.name,
      authorId: admin.id,
    },
    select: { id: true },
  });
  await db.article.update({ where: { id: article.id }, data: { publishedRevisionId: second.id } });
  // Something in each list: a contact request (the inbox), a Sad comment (feedback), a search that found nothing.
  await db.contactRequest.create({ data: { name: "Customer", email: "customer@example.com", message: "Please help with my mailbox.", articleId: article.id } });
  await db.feedback.create({
    data: {
      articleId: article.id,
      visitorId: `e2e-valid-${Date.now()}`,
      rating: "sad",
      comments: { create: { body: "It did not say where the setting is." } },
    },
  });
  await db.searchEvent.create({ data: { query: "e2e valid html nothing found", resultCount: 0 } });
  const history = `/staff/articles/${article.id}/history`;
  // Internal articles, read by staff at their customer addresses under the Internal banner.
  const internal = await db.article.findMany({ where: { ...publishedArticle, audience: "internal" }, select: { slug: true }, orderBy: { slug: "asc" } });
  const urls = [
    ...staffPageUrls(fill),
    `${history}?from=${article.revisionId}&to=${second.id}`,
    `${history}?restore=${article.revisionId}`,
    ...internal.map(({ slug }) => `/articles/${slug}`),
  ];
  return { urls, cookie: `${SESSION_COOKIE}=${token}` };
}

function fileNameFor(url: string) {
  return `${url.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "_") || "home"}.html`;
}

test.describe("valid HTML", () => {
  // One worker fetches the pages once for both checks; a failure of one still runs the other.
  test.describe.configure({ mode: "default" });
  const pages: FetchedPage[] = [];

  test.beforeAll(async ({ db, playwright }, testInfo) => {
    test.setTimeout(240_000);
    const baseURL = testInfo.project.use.baseURL!;
    const request = await playwright.request.newContext({ baseURL });
    const staff = await staffPages(db);
    const fetchPage = async (url: string, headers: Record<string, string> = {}) => {
      const response = await request.get(url, { headers, maxRedirects: 0 });
      const type = response.headers()["content-type"] ?? "";
      expect(type, `${url} answered ${response.status()} ${type}`).toMatch(/^text\/html/);
      expect(response.status() === 200 || (url === "/articles/nope" && response.status() === 404), `${url} answered ${response.status()}`).toBe(true);
      pages.push({ url, html: await response.text() });
    };
    for (const url of [...new Set([...CUSTOMER_PAGES, ...(await libraryPages(db))])]) await fetchPage(url);
    for (const url of staff.urls) await fetchPage(url, url === "/staff/sign-in" ? {} : { Cookie: staff.cookie });
    await request.dispose();
  });

  test("html-validate finds nothing on any customer or staff page", async () => {
    expect(pages.length).toBeGreaterThan(40);
    expect(pages.map((p) => p.url)).toEqual(
      expect.arrayContaining(["/", "/staff", "/staff/users", "/staff/sign-in", "/articles/the-difference-between-imap-and-pop"]),
    );
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const page of pages) {
      // A file name in the project's root folder, so .htmlvalidate.mjs there applies.
      const report = await validator.validateString(page.html, path.join(process.cwd(), fileNameFor(page.url)));
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${page.url} line ${m.line}:${m.column} [${m.ruleId}] ${m.message} — ${m.selector ?? ""}`);
      }
    }
    expect(problems, `html-validate found ${problems.length} problems`).toEqual([]);
  });

  test("the W3C Nu HTML checker finds no error on any customer or staff page", async () => {
    const java = spawnSync("java", ["-version"], { encoding: "utf8" });
    if (java.error || java.status !== 0) {
      throw new Error(
        "The W3C Nu HTML checker (vnu.jar) needs Java, and `java` was not found. Install it with `apt-get install default-jre-headless` (.ci/run does), or put a Java 11+ `java` on PATH.",
      );
    }
    const dir = mkdtempSync(path.join(tmpdir(), "html-validity-"));
    try {
      const files = new Map<string, string>();
      for (const page of pages) {
        const file = path.join(dir, fileNameFor(page.url));
        writeFileSync(file, page.html);
        files.set(file, page.url);
      }
      const run = spawnSync("java", ["-Xss4m", "-jar", VNU_JAR, "--format", "json", "--exit-zero-always", ...files.keys()], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.error) throw run.error;
      // vnu.jar writes its report to stderr.
      let report: { messages: NuMessage[] };
      try {
        report = JSON.parse(run.stderr) as { messages: NuMessage[] };
      } catch {
        throw new Error(`vnu.jar did not answer with JSON (exit ${run.status}):\n${run.stderr.slice(0, 2000)}`);
      }
      const pageOf = (url = "") => files.get(decodeURIComponent(url.replace(/^file:/, ""))) ?? url;
      const errors = report.messages
        .filter((m) => m.type !== "info")
        .map((m) => `${pageOf(m.url)} line ${m.lastLine ?? "?"}: ${m.message}${m.extract ? ` — ${m.extract.trim().slice(0, 160)}` : ""}`);
      expect(errors, `the Nu checker found ${errors.length} errors`).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
