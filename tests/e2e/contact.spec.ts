import { expect, test } from "./fixtures";

test.describe("contact", () => {
  test("an article's 'Contact us' carries the article into the request", async ({ page, db }) => {
    await page.goto("/articles/mailbox-full");
    await page.getByRole("region", { name: "Still need help?" }).getByRole("link", { name: "Contact us" }).click();
    await expect(page).toHaveURL("/contact?article=mailbox-full");
    await expect(page.getByText("About the article: Mailbox full")).toBeVisible();

    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByText("Please tell us your name.")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Your name" })).toBeFocused();
    await expect(page.getByRole("textbox", { name: "Your name" })).toHaveAttribute("aria-invalid", "true");

    const email = `ada.${Date.now()}@example.com`;
    await page.getByRole("textbox", { name: "Your name" }).fill("Ada Lovelace");
    await page.getByRole("textbox", { name: "Email address" }).fill("not-an-email");
    await page.getByRole("textbox", { name: "How can we help?" }).fill("My mailbox says it is full but I deleted everything.");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByText("Please enter an email address like name@example.com.")).toBeVisible();
    await page.getByRole("textbox", { name: "Email address" }).fill(email);
    await page.getByRole("button", { name: "Send message" }).click();

    await expect(page.getByRole("heading", { name: "Thanks, Ada Lovelace. We have your message." })).toBeFocused();
    const stored = await db.contactRequest.findMany({ where: { email }, include: { article: { select: { slug: true } } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ name: "Ada Lovelace", status: "open", article: { slug: "mailbox-full" } });
  });
});
