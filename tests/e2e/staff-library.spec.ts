// The library from the staff area: download it as a zip, upload a changed article to publish it,
// and an invalid upload shows every problem with its line and changes nothing.
import { readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { strFromU8, unzipSync } from "fflate";
import { expect, test } from "./staff-fixtures";

const ARTICLE = "renew-an-expired-domain";
const SOURCE = path.join(process.cwd(), "content/articles/domains-dns", `${ARTICLE}.mdx`);

test.describe("Library import and export", () => {
  test.describe.configure({ mode: "serial" });

  test("downloads the library as a zip holding the IMAP and POP article", async ({ editorPage }, testInfo) => {
    await editorPage.goto("/staff/library");
    const [download] = await Promise.all([editorPage.waitForEvent("download"), editorPage.getByRole("link", { name: "Download the library (.zip)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^help-center-library-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect(Object.keys(files)).toContain("categories.json");
    const imap = strFromU8(files["articles/email/the-difference-between-imap-and-pop.mdx"]!);
    expect(imap).toContain("title: The difference between IMAP and POP");
    expect(imap).toContain("Post Office Protocol");

    const results = await new AxeBuilder({ page: editorPage }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    for (const [label, width] of [
      ["desktop", 1280],
      ["phone", 390],
    ] as const) {
      await editorPage.setViewportSize({ width, height: 900 });
      expect(await editorPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await testInfo.attach(`staff-library-${label}.png`, { body: await editorPage.screenshot({ fullPage: true }), contentType: "image/png" });
    }
  });

  test("an invalid upload lists the problem with its line and changes nothing", async ({ editorPage, page, db }, testInfo) => {
    const original = await readFile(SOURCE, "utf8");
    const broken = original.replace("## ", '<iframe src="https://evil.example"></iframe>\n\n## ');
    const line = broken.split("\n").findIndex((l) => l.startsWith("<iframe")) + 1;
    const before = await db.article.findUniqueOrThrow({
      where: { slug: ARTICLE },
      select: { publishedRevisionId: true, _count: { select: { revisions: true } } },
    });

    await editorPage.goto("/staff/library");
    await editorPage.getByLabel("Files to import").setInputFiles({ name: `${ARTICLE}.mdx`, mimeType: "text/markdown", buffer: Buffer.from(broken) });
    await editorPage.getByRole("button", { name: "Check and import" }).click();
    const alert = editorPage.getByRole("alert").filter({ hasText: "Nothing was imported" });
    await expect(alert).toContainText(`articles/domains-dns/${ARTICLE}.mdx:${line}: <iframe> is not an allowed component`);
    await expect(alert.getByRole("heading", { name: "Nothing was imported" })).toBeFocused();

    const results = await new AxeBuilder({ page: editorPage }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await testInfo.attach("staff-library-problems.png", { body: await editorPage.screenshot({ fullPage: true }), contentType: "image/png" });

    expect(
      await db.article.findUniqueOrThrow({ where: { slug: ARTICLE }, select: { publishedRevisionId: true, _count: { select: { revisions: true } } } }),
    ).toEqual(before);
    await page.goto(`/articles/${ARTICLE}`);
    await expect(page.locator("iframe")).toHaveCount(0);
  });

  test("uploading a changed article publishes it for customers", async ({ editorPage, editor, page, db }, testInfo) => {
    const sentence = `Renewed domains come back within the hour (${Date.now()}).`;
    const changed = (await readFile(SOURCE, "utf8")).replace("## ", `${sentence}\n\n## `);
    await editorPage.goto("/staff/library");
    await editorPage.getByLabel("Files to import").setInputFiles({ name: `${ARTICLE}.mdx`, mimeType: "text/markdown", buffer: Buffer.from(changed) });
    await editorPage.getByRole("button", { name: "Check and import" }).click();
    const summary = editorPage.getByRole("status").filter({ hasText: "Imported:" });
    await expect(summary.getByRole("heading")).toHaveText("Imported: 0 new, 1 changed, 0 unchanged");
    await expect(summary.getByRole("link", { name: "Renew an expired domain" })).toHaveAttribute("href", `/articles/${ARTICLE}`);
    await testInfo.attach("staff-library-imported.png", { body: await editorPage.screenshot({ fullPage: true }), contentType: "image/png" });

    const stored = await db.article.findUniqueOrThrow({ where: { slug: ARTICLE }, include: { publishedRevision: true } });
    expect(stored.publishedRevision?.author).toBe(editor.name);
    await page.goto(`/articles/${ARTICLE}`);
    await expect(page.getByText(sentence)).toBeVisible();
  });
});
