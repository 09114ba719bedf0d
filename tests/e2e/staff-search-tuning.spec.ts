// Synonyms and pinned answers from the staff area to a customer's search: in the browser's index
// and through /api/search, with the history of who changed what.
import { expect, test } from "./staff-fixtures";

const TWO_FACTOR = "turn-on-two-factor-authentication";
const CANCEL = "cancel-your-service";

async function firstResult(page: import("@playwright/test").Page, query: string) {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Search the help center" }).pressSequentially(query);
  return page.getByRole("listbox", { name: "Matching articles" }).getByRole("option").first().getByRole("link");
}

test.describe("synonyms and pinned answers", () => {
  test.describe.configure({ mode: "serial" });

  test("an editor adds mfa = two-factor, and a customer's search for mfa finds the 2FA article", async ({ editorPage, editor, page, request, db }) => {
    await editorPage.goto("/staff/searches");
    await editorPage.getByRole("link", { name: "Synonyms and pinned answers" }).click();
    await expect(editorPage.getByRole("heading", { level: 1, name: "Synonyms and pins" })).toBeVisible();

    const terms = editorPage.getByLabel("Words that mean the same");
    await terms.fill("mfa");
    await editorPage.getByRole("button", { name: "Add synonyms" }).click();
    await expect(editorPage.getByText(/needs at least two words or phrases/)).toBeVisible();
    expect(await db.searchSynonym.count()).toBe(0);

    await terms.fill("mfa = two-factor");
    await editorPage.getByRole("button", { name: "Add synonyms" }).click();
    await expect(editorPage.getByRole("status").filter({ hasText: "Saved: mfa = two-factor." })).toBeVisible();
    await expect(editorPage.getByRole("list", { name: "Synonym groups" })).toContainText("mfa = two-factor");
    await expect(editorPage.getByRole("region", { name: "History" })).toContainText(`${editor.name}`);
    await expect(editorPage.getByRole("region", { name: "History" })).toContainText("Synonyms added: mfa = two-factor");

    // The browser's index and the server answer alike.
    await expect(await firstResult(page, "mfa")).toHaveAttribute("href", `/articles/${TWO_FACTOR}`);
    const api = await (await request.get("/api/search?q=mfa")).json();
    expect(api.results[0].slug).toBe(TWO_FACTOR);

    await editorPage.getByRole("button", { name: "Remove the synonyms mfa = two-factor" }).click();
    await expect(editorPage.getByRole("region", { name: "History" })).toContainText("Synonyms removed: mfa = two-factor");
    await expect.poll(async () => (await (await request.get("/api/search?q=mfa")).json()).results.length).toBe(0);
  });

  test("an editor pins Cancel your service for 'cancel', and it comes first", async ({ editorPage, page, request, db }) => {
    // The searches page offers it next to a query nobody opened a result for.
    await db.searchEvent.create({ data: { query: "cancel", resultCount: 3 } });
    await editorPage.goto("/staff/searches");
    await editorPage.getByRole("region", { name: "Results nobody opened" }).getByRole("link", { name: "Pin an answer for: cancel" }).click();
    await expect(editorPage.getByLabel("When customers search for")).toHaveValue("cancel");

    await editorPage.getByRole("button", { name: "Pin answer" }).click();
    await expect(editorPage.getByText("choose a published article", { exact: true })).toBeVisible();
    await editorPage.getByLabel("Show this article first").selectOption({ label: "Cancel your service" });
    await editorPage.getByRole("button", { name: "Pin answer" }).click();
    await expect(editorPage.getByRole("list", { name: "Pinned answers" })).toContainText("“cancel” → Cancel your service");

    await expect(await firstResult(page, "cancel")).toHaveAttribute("href", `/articles/${CANCEL}`);
    const api = await (await request.get("/api/search?q=Cancel")).json();
    expect(api.results[0]).toMatchObject({ slug: CANCEL, pinned: true });

    await editorPage.getByRole("button", { name: "Remove the pin for cancel" }).click();
    await expect(editorPage.getByRole("region", { name: "History" })).toContainText("Pin removed: “cancel” → Cancel your service");
  });
});
