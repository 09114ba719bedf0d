// The contact inbox: a customer's "Still need help?" request reaches staff with its article, and
// is marked handled (by whom) and reopened.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./staff-fixtures";

async function screenshot(page: import("@playwright/test").Page, path: string) {
  await page.screenshot({ path, fullPage: true });
  return path;
}

test.describe("contact inbox", () => {
  test("a request sent from an article appears with the article, and Mark handled moves it to handled", async ({ page, editorPage, editor, db }, testInfo) => {
    const email = `grace.${Date.now()}@example.com`;
    const name = `Grace ${Date.now().toString(36)}`;
    await page.goto("/contact?article=mailbox-full");
    await page.getByRole("textbox", { name: "Your name" }).fill(name);
    await page.getByRole("textbox", { name: "Email address" }).fill(email);
    await page.getByRole("textbox", { name: "How can we help?" }).fill("My mailbox is full.\nI deleted <b>everything</b> already.");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByRole("heading", { name: `Thanks, ${name}. We have your message.` })).toBeVisible();

    await editorPage.goto("/staff/inbox");
    await expect(editorPage.getByRole("link", { name: /^Open \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
    const card = editorPage.getByRole("article", { name: new RegExp(name) });
    await expect(card.getByRole("link", { name: email })).toHaveAttribute("href", `mailto:${email}`);
    // Line breaks kept, markup shown as typed.
    await expect(card.getByText("I deleted <b>everything</b> already.")).toBeVisible();
    expect(await card.locator("p.whitespace-pre-wrap").evaluate((p) => p.textContent)).toBe("My mailbox is full.\nI deleted <b>everything</b> already.");
    await expect(card.getByRole("link", { name: "Mailbox full", exact: true })).toHaveAttribute("href", "/articles/mailbox-full");
    const article = await db.article.findUniqueOrThrow({ where: { slug: "mailbox-full" }, select: { id: true } });
    await expect(card.getByRole("link", { name: "Edit Mailbox full" })).toHaveAttribute("href", `/staff/articles/${article.id}`);
    await expect(card).toContainText(/Received \d+ \w+ \d{4}, \d\d:\d\d UTC/);

    const results = await new AxeBuilder({ page: editorPage }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await testInfo.attach("inbox-desktop.png", { path: await screenshot(editorPage, testInfo.outputPath("inbox-desktop.png")), contentType: "image/png" });
    await editorPage.setViewportSize({ width: 390, height: 844 });
    await testInfo.attach("inbox-phone.png", { path: await screenshot(editorPage, testInfo.outputPath("inbox-phone.png")), contentType: "image/png" });
    expect(await editorPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await editorPage.setViewportSize({ width: 1280, height: 720 });

    await card.getByRole("button", { name: `Mark handled the request from ${name}` }).click();
    await expect(card).toHaveCount(0);
    const stored = await db.contactRequest.findFirstOrThrow({ where: { email } });
    expect(stored).toMatchObject({ status: "handled", handledById: editor.id });
    expect(stored.handledAt).toBeInstanceOf(Date);

    await editorPage.getByRole("link", { name: /^Handled \(\d+\)$/ }).click();
    await expect(editorPage).toHaveURL("/staff/inbox?show=handled");
    await expect(card).toContainText(`by ${editor.name}`);
    await card.getByRole("button", { name: `Reopen the request from ${name}` }).click();
    await expect(card).toHaveCount(0);
    expect(await db.contactRequest.findFirstOrThrow({ where: { email } })).toMatchObject({ status: "open", handledAt: null, handledById: null });
  });
});
