// Every customer form works with JavaScript turned off: search is a GET form to /search; the
// contact form and the rating widget post to server actions and the page that comes back says
// what happened. The same protections as the JSON APIs hold.
import type { Page } from "@playwright/test";
import { expect, feedbackFor, test } from "./fixtures";

/** The server takes a message only once its form has been open this long (CONTACT_MIN_SECONDS, 3 by default). */
const CONTACT_MIN_MS = 3_000;

/**
 * Opens a page of another site (made up here) holding a copy of one of our forms, as a forger
 * would: the browser then posts it with that site's Origin, as it would post any form.
 */
async function openCopyOnAnotherSite(page: Page, path: string, formAction: RegExp) {
  const html = await (await page.request.get(path)).text();
  const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map(([text]) => text).find((text) => formAction.test(text));
  if (!form) throw new Error(`no form posting to ${formAction} on ${path}`);
  const ours = new URL(page.url() === "about:blank" ? test.info().project.use.baseURL! : page.url()).origin;
  const copy = form.replace(/action="\//, `action="${ours}/`);
  await page.route("http://evil.example/**", (route) => route.fulfill({ contentType: "text/html", body: `<!doctype html><title>Win a prize</title>${copy}` }));
  await page.goto("http://evil.example/prize");
}

test.describe("search without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("submitting the search form shows server-rendered results with the same ranking", async ({ page }) => {
    await page.goto("/");
    const search = page.getByRole("combobox", { name: "Search the help center" });
    await search.fill("imap vs pop");
    await search.press("Enter");
    await expect(page).toHaveURL("/search?q=imap+vs+pop");
    const results = page.getByRole("listitem");
    await expect(results.first()).toContainText("The difference between IMAP and POP");
    await expect(results.first().locator("mark").first()).toHaveText("IMAP");
    await results.first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The difference between IMAP and POP");
  });

  test("the search box on an article is a GET form to /search too", async ({ page }) => {
    await page.goto("/articles/mailbox-full");
    const search = page.getByRole("combobox", { name: "Search the help center" });
    await search.fill("mx records");
    await search.press("Enter");
    await expect(page).toHaveURL("/search?q=mx+records");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “mx records”");
  });

  test("a search that finds nothing offers the contact form", async ({ page }) => {
    await page.goto("/search?q=qwertyuiop+zxcv");
    await expect(page.getByRole("heading", { name: "No articles match “qwertyuiop zxcv”" })).toBeVisible();
    await expect(page.getByRole("link", { name: "contact our support team" })).toHaveAttribute("href", "/contact?q=qwertyuiop%20zxcv");
  });
});

test.describe("the contact form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("posts the message with its article, never puts it in the address, and shows the confirmation", async ({ page, db }) => {
    const email = `nojs.${Date.now()}@example.com`;
    await page.goto("/contact?article=mailbox-full");
    const opened = Date.now();
    await expect(page.getByText("About the article: Mailbox full")).toBeVisible();
    await page.getByRole("textbox", { name: "Your name" }).fill("Grace Hopper");
    await page.getByRole("textbox", { name: "Email address" }).fill(email);
    await page.getByRole("textbox", { name: "How can we help?" }).fill("My mailbox is full and I cannot receive mail.");

    // Sent at once, faster than a person types: refused, and the form comes back as it was.
    const posts: string[] = [];
    page.on("request", (request) => request.method() === "POST" && posts.push(request.url()));
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByRole("alert")).toHaveText("That was sent faster than anyone can type. Wait a few seconds, then send it again.");
    await expect(page.getByRole("textbox", { name: "Your name" })).toHaveValue("Grace Hopper");
    await expect(page.getByRole("textbox", { name: "Email address" })).toHaveValue(email);
    await expect(page.getByRole("textbox", { name: "How can we help?" })).toHaveValue("My mailbox is full and I cannot receive mail.");
    expect(await db.contactRequest.count({ where: { email } })).toBe(0);

    // Once a person could have written it, the same form goes through.
    await page.waitForTimeout(Math.max(0, opened + CONTACT_MIN_MS + 500 - Date.now()));
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page).toHaveURL("/contact/sent");
    await expect(page.getByRole("heading", { name: "Thanks. We have your message." })).toBeVisible();
    expect(posts).toEqual([expect.stringMatching(/\/contact\?article=mailbox-full$/), expect.stringMatching(/\/contact\?article=mailbox-full$/)]);
    expect(posts.join(" ")).not.toContain("Grace");

    const stored = await db.contactRequest.findMany({ where: { email }, include: { article: { select: { slug: true } } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      name: "Grace Hopper",
      message: "My mailbox is full and I cannot receive mail.",
      status: "open",
      article: { slug: "mailbox-full" },
    });

    // Reloading the confirmation sends nothing again.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Thanks. We have your message." })).toBeVisible();
    expect(await db.contactRequest.count({ where: { email } })).toBe(1);
  });

  test("bad input comes back with a message by each field, what was typed, and nothing stored", async ({ page, db }) => {
    const message = `Please help, my website is down since this morning ${Date.now()}.`;
    await page.goto("/contact");
    await page.getByRole("textbox", { name: "Email address" }).fill("not-an-email");
    await page.getByRole("textbox", { name: "How can we help?" }).fill(message);
    await page.getByRole("button", { name: "Send message" }).click();

    await expect(page).toHaveURL("/contact");
    const name = page.getByRole("textbox", { name: "Your name" });
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription("Please tell us your name.");
    await expect(page.getByRole("textbox", { name: "Email address" })).toHaveAccessibleDescription("Please enter an email address like name@example.com.");
    await expect(page.getByRole("textbox", { name: "Email address" })).toHaveValue("not-an-email");
    await expect(page.getByRole("textbox", { name: "How can we help?" })).toHaveValue(message);
    await expect(page.getByText(/\{"error"/)).toHaveCount(0);
    expect(await db.contactRequest.count({ where: { message } })).toBe(0);
  });

  test("the field only scripts fill in stops the message", async ({ page, db }) => {
    const email = `honeypot.${Date.now()}@example.com`;
    await page.goto("/contact");
    await page.getByRole("textbox", { name: "Your name" }).fill("Spam Bot");
    await page.getByRole("textbox", { name: "Email address" }).fill(email);
    await page.getByRole("textbox", { name: "How can we help?" }).fill("Buy cheap followers today, best prices!");
    await page.locator('input[name="website"]').fill("https://spam.example", { force: true });
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByRole("alert")).toHaveText("Leave the field marked “leave this empty” empty, then send again.");
    expect(await db.contactRequest.count({ where: { email } })).toBe(0);
  });

  test("a message posted from another site's page is refused and not stored", async ({ page, db }) => {
    const email = `foreign.${Date.now()}@example.com`;
    await openCopyOnAnotherSite(page, "/contact", /action="\/contact"/);
    await page.getByRole("textbox", { name: "Your name" }).fill("Mallory");
    await page.getByRole("textbox", { name: "Email address" }).fill(email);
    await page.getByRole("textbox", { name: "How can we help?" }).fill("This was sent from a page on another site.");
    await page.waitForTimeout(CONTACT_MIN_MS + 500);
    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Send message" }).click();
    expect((await answer).request().headers()["origin"]).toBe("http://evil.example");
    expect((await answer).status()).toBe(403);
    await expect(page.getByText("This form was sent from another site, so it was not accepted.")).toBeVisible();
    expect(await db.contactRequest.count({ where: { email } })).toBe(0);
  });
});

test.describe("rating without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a vote is stored under a new visitor cookie, the article comes back at the widget with thanks, and a second vote replaces it", async ({ page, db }) => {
    const slug = "refund-policy";
    await page.goto(`/articles/${slug}`);
    const widget = page.getByRole("region", { name: "What do you think of this support article?" });
    await expect(widget).toHaveAttribute("aria-busy", "false");
    await expect(widget.getByRole("button", { name: "Happy" })).toBeEnabled();

    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await widget.getByRole("button", { name: "Happy" }).click();
    expect((await answer).headers()["cache-control"]).toMatch(/no-store/);
    await expect(page).toHaveURL(`/articles/${slug}#rate-this-article`);
    await expect(widget.getByRole("status")).toHaveText("Thanks for your feedback! You rated this article Happy.");
    await expect(widget.getByRole("button", { name: "Happy" })).toHaveAttribute("aria-pressed", "true");

    const visitor = (await page.context().cookies()).find((cookie) => cookie.name === "hc_visitor");
    expect(visitor?.httpOnly).toBe(true);
    expect((await feedbackFor(db, slug)).filter((vote) => vote.visitorId === visitor!.value)).toEqual([
      { rating: "happy", comments: [], visitorId: visitor!.value },
    ]);

    await widget.getByRole("button", { name: "Normal" }).click();
    await expect(widget.getByRole("status")).toHaveText("Thanks for your feedback! You rated this article Normal.");
    await expect(widget.getByRole("button", { name: "Happy" })).toHaveAttribute("aria-pressed", "false");
    expect((await feedbackFor(db, slug)).filter((vote) => vote.visitorId === visitor!.value)).toEqual([
      { rating: "normal", comments: [], visitorId: visitor!.value },
    ]);
  });

  test("Sad asks what was missing; the comment is stored with the vote, and an empty one is refused", async ({ page, db }) => {
    const slug = "mailbox-full";
    await page.goto(`/articles/${slug}`);
    const widget = page.getByRole("region", { name: "What do you think of this support article?" });
    await widget.getByRole("button", { name: "Sad" }).click();
    await expect(widget.getByRole("status")).toHaveText("Thanks for telling us. What were you looking for? You can add a comment below.");
    await expect(widget.getByRole("link", { name: "Contact our support team" })).toHaveAttribute("href", `/contact?article=${slug}`);
    const visitor = (await page.context().cookies()).find((cookie) => cookie.name === "hc_visitor")!.value;

    // Sent empty: said so, the box stays, nothing more is stored.
    await widget.getByRole("button", { name: "Send comment" }).click();
    await expect(widget.getByRole("alert")).toContainText("Your comment was not saved. Write your comment in the box, then send it.");
    expect((await feedbackFor(db, slug)).filter((vote) => vote.visitorId === visitor)).toEqual([{ rating: "sad", comments: [], visitorId: visitor }]);

    const comment = widget.getByRole("textbox", { name: "What were you looking for? (optional)" });
    await comment.fill("How to empty the trash folder from my phone");
    await widget.getByRole("button", { name: "Send comment" }).click();
    await expect(widget.getByRole("status")).toHaveText("Thank you. Your comment goes straight to the people who write these articles.");
    await expect(comment).toHaveCount(0);
    expect((await feedbackFor(db, slug)).filter((vote) => vote.visitorId === visitor)).toEqual([
      { rating: "sad", comments: ["How to empty the trash folder from my phone"], visitorId: visitor },
    ]);
  });

  test("the page that answers a vote is never served to anyone else", async ({ page, browser }) => {
    const slug = "the-difference-between-imap-and-pop";
    await page.goto(`/articles/${slug}`);
    await page.getByRole("button", { name: "Sad" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Thanks for telling us" })).toBeVisible();

    // Another visitor, twice (a page-cache fill, then a hit): a neutral widget.
    const other = await browser.newContext({ javaScriptEnabled: false });
    try {
      const stranger = await other.newPage();
      for (let i = 0; i < 2; i++) {
        await stranger.goto(`/articles/${slug}`);
        const widget = stranger.getByRole("region", { name: "What do you think of this support article?" });
        await expect(widget.getByRole("button", { name: "Sad" })).toHaveAttribute("aria-pressed", "false");
        await expect(widget.getByRole("status")).toHaveText("");
        await expect(widget.getByRole("textbox")).toHaveCount(0);
      }
    } finally {
      await other.close();
    }
  });

  test("a vote posted from another site's page is refused and not stored", async ({ page, db }) => {
    const slug = "au-domain-eligibility";
    const before = await db.feedback.count({ where: { article: { slug } } });
    await openCopyOnAnotherSite(page, `/articles/${slug}`, /rate-this-article/);
    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Sad" }).click();
    expect((await answer).request().headers()["origin"]).toBe("http://evil.example");
    expect((await answer).status()).toBe(403);
    expect(await db.feedback.count({ where: { article: { slug } } })).toBe(before);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("hc_visitor");
  });
});

test.describe("the form actions called by a script", () => {
  test("anything but a form is answered without an error, and neither votes nor sends", async ({ request, baseURL }) => {
    for (const path of ["/contact", "/articles/refund-policy"]) {
      const html = await (await request.get(path)).text();
      const id = /\$ACTION_\d+:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1];
      expect(id, `the form's action on ${path}`).toBeTruthy();
      for (const body of ["[]", "[{}]", '[null,{"rating":"happy","article":"refund-policy"}]', '[null,"name=x"]']) {
        const answer = await request.post(path, {
          headers: { "Next-Action": id!, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseURL! },
          data: body,
          maxRedirects: 0,
        });
        const where = `${path} with ${body}`;
        expect(answer.status(), where).toBeLessThan(500);
        // A stored vote sets the visitor cookie; a sent message redirects to /contact/sent.
        expect(answer.headers()["set-cookie"] ?? "", where).not.toContain("hc_visitor");
        expect(answer.headers()["x-action-redirect"] ?? answer.headers()["location"] ?? "", where).not.toContain("/contact/sent");
        expect(await answer.text(), where).not.toContain('"ok":true');
      }
    }
  });
});
