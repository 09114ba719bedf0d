// Translations in the staff area: an editor translates an article into German from its Languages
// panel, publishes the translation, and sees it marked Outdated once the English source is
// published again. The staff list shows and filters articles by language.
import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expectAccessible } from "./page-checks";
import { expect, seedPublishedArticle, test } from "./staff-fixtures";
import { editorSource, replaceBody, saveStatus } from "./editor-page";

const token = () => `zq${randomUUID().replaceAll("-", "").slice(0, 8)}`;

const languagesPanel = (page: Page) => page.getByRole("region", { name: "Languages" });
const languageRow = (panel: Locator, name: string) =>
  panel.getByRole("row").filter({ has: panel.page().getByRole("rowheader", { name: new RegExp(`^${name}\\b`) }) });

async function publish(page: Page) {
  await expect(saveStatus(page)).toContainText("Draft saved");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
}

test.describe("Article translations", () => {
  test("an editor translates an article into German and sees it marked Outdated after the source changes", async ({ editorPage: page, editor, db }) => {
    test.setTimeout(240_000); // two publishes and an axe run (two themes, three widths) of the editor
    const word = token();
    const title = `Set up an autoresponder ${word}`;
    const { id: sourceId, slug } = await seedPublishedArticle(db, editor, {
      slug: `e2e-${word}`,
      title,
      body: "Turn on an automatic reply.\n\n## Steps\n\n1. Open **Email**.\n2. Choose **Autoresponder**.\n",
    });

    await page.goto(`/staff/articles/${sourceId}`);
    let panel = languagesPanel(page);
    await expect(languageRow(panel, "English")).toContainText("Published");
    await expect(languageRow(panel, "Deutsch")).toContainText("Not translated");

    // The draft starts from the English text and opens in the editor.
    await panel.getByRole("button", { name: "Translate into Deutsch" }).click();
    await expect(page).not.toHaveURL(new RegExp(`/staff/articles/${sourceId}$`));
    await expect(page).toHaveURL(/\/staff\/articles\/[a-z0-9]+$/);
    const translationId = page.url().split("/").at(-1)!;
    const note = page.getByText(/^Translation of/);
    await expect(note).toContainText(`Translation of ${title} (English)`);
    await expect(note.getByRole("link", { name: title })).toHaveAttribute("href", `/staff/articles/${sourceId}`);
    await expect(page.getByLabel("Slug")).toHaveValue(`${slug}-de`);
    await expect(editorSource(page)).toContainText("Turn on an automatic reply.");
    expect(await db.article.findUniqueOrThrow({ where: { id: translationId } })).toMatchObject({
      locale: "de",
      translationOfId: sourceId,
      status: "draft",
      publishedRevisionId: null,
    });

    const germanTitle = `Einen Abwesenheitsassistenten einrichten ${word}`;
    await page.getByLabel("Title").fill(germanTitle);
    await replaceBody(page, "Schalten Sie eine automatische Antwort ein.\n\n## Schritte\n\n1. Öffnen Sie **E-Mail**.\n2. Wählen Sie **Abwesenheit**.\n");
    await publish(page);
    expect(await db.article.findUniqueOrThrow({ where: { id: translationId } })).toMatchObject({ status: "published", title: germanTitle, slug: `${slug}-de` });

    // The source's panel: German is published, and up to date.
    await page.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/articles/${sourceId}$`));
    panel = languagesPanel(page);
    const german = languageRow(panel, "Deutsch");
    await expect(german).toContainText("Published");
    await expect(german).not.toContainText("Outdated");
    await expect(german.getByRole("link", { name: /View on the site/ })).toHaveAttribute("href", `/de/articles/${slug}-de`);
    await expect(german.getByRole("link", { name: /^Edit/ })).toHaveAttribute("href", `/staff/articles/${translationId}`);
    await expect(panel.getByRole("button", { name: "Translate into Deutsch" })).toHaveCount(0);

    // The English source changes: the German translation is now behind it.
    await replaceBody(page, "Turn on an automatic reply.\n\n## Steps\n\n1. Open **Email**.\n2. Choose **Autoresponder**.\n3. Set an end date.\n");
    await publish(page);
    await page.reload();
    panel = languagesPanel(page);
    await expect(languageRow(panel, "Deutsch")).toContainText("Outdated");
    await expect(languageRow(panel, "English")).not.toContainText("Outdated");
    await expectAccessible(page, "staff-languages-panel");

    // The translation's feedback page compares the languages' scores side by side.
    await page.goto(`/staff/articles/${translationId}/feedback`);
    const scores = page.getByRole("region", { name: "Score per language" });
    await expect(scores.getByRole("rowheader", { name: /^English/ })).toBeVisible();
    await expect(scores.getByRole("rowheader", { name: /^Deutsch/ })).toBeVisible();

    // The staff list shows and filters by language.
    await page.goto("/staff/articles?locale=de");
    await expect(page.getByLabel("Language")).toHaveValue("de");
    const table = page.getByRole("table", { name: /Articles/ });
    await expect(table.getByRole("link", { name: germanTitle })).toBeVisible();
    await expect(table.getByRole("link", { name: title, exact: true })).toBeVisible(); // as "Translation of …"
    await page.goto("/staff/articles?locale=en");
    await expect(page.getByRole("table", { name: /Articles/ }).getByRole("link", { name: germanTitle })).toHaveCount(0);
  });

  test("refuses a second translation into the same language, saying why", async ({ editorPage: page, editor, db }) => {
    const word = token();
    const { id: sourceId } = await seedPublishedArticle(db, editor, {
      slug: `e2e-${word}`,
      title: `Change your password ${word}`,
      body: "Open **Settings**.\n",
    });
    await page.goto(`/staff/articles/${sourceId}`);
    const button = languagesPanel(page).getByRole("button", { name: "Translate into Deutsch" });
    await expect(button).toBeVisible();
    // Someone else translates it meanwhile.
    await db.article.create({
      data: {
        slug: `e2e-${word}-de`,
        title: "Passwort ändern",
        description: "Wie Sie Ihr Passwort ändern.",
        categorySlug: "email",
        locale: "de",
        translationOfId: sourceId,
        contentUpdatedAt: new Date(),
      },
    });
    await button.click();
    await expect(languagesPanel(page).getByRole("alert")).toContainText("already has a Deutsch translation");
    expect(await db.article.count({ where: { translationOfId: sourceId } })).toBe(1);
  });
});
