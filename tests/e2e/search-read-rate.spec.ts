import { expect, feedbackFor, test } from "./fixtures";

const IMAP = "the-difference-between-imap-and-pop";

test.describe("search, read and rate", () => {
  test("finds an article as the customer types, opens it, rates it, changes the vote and sees it after reload", async ({ page, db }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "How can we help?" })).toBeVisible();

    const search = page.getByRole("combobox", { name: "Search the help center" });
    await search.pressSequentially("imap vs pop");
    const results = page.getByRole("listbox", { name: "Matching articles" });
    await expect(results.getByRole("option").first()).toContainText("The difference between IMAP and POP");
    await expect(results.getByRole("option").first().locator("mark").first()).toHaveText("IMAP");
    await expect(page).toHaveURL("/"); // no submit happened

    await results.getByRole("option").first().click();
    await expect(page).toHaveURL(`/articles/${IMAP}`);
    const article = page.getByRole("article");
    await expect(article.getByRole("heading", { level: 1 })).toHaveText("The difference between IMAP and POP");
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Home›Email›The difference between IMAP and POP");
    await expect(page.getByText(/Last updated \d+ \w+ 2026/)).toBeVisible();
    await expect(page.getByRole("cell", { name: "993" }).first()).toBeVisible();
    await expect(article.getByRole("img", { name: /Diagram: with IMAP/ })).toBeVisible();

    // The table of contents links to the headings.
    const toc = page.getByRole("navigation", { name: "On this page" }).last();
    await toc.getByRole("link", { name: "How IMAP works" }).click();
    await expect(page).toHaveURL(`/articles/${IMAP}#how-imap-works`);

    const happy = page.getByRole("button", { name: "Happy" });
    const sad = page.getByRole("button", { name: "Sad" });
    await happy.click();
    await expect(happy).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("status").filter({ hasText: "Thanks for your feedback" })).toBeVisible();

    await sad.click();
    await expect(sad).toHaveAttribute("aria-pressed", "true");
    await expect(happy).toHaveAttribute("aria-pressed", "false");
    const comment = page.getByRole("textbox", { name: "What were you looking for? (optional)" });
    await expect(comment).toBeFocused();
    await comment.fill("How to keep a copy on the server with POP");
    await page.getByRole("button", { name: "Send comment" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your comment goes straight" })).toBeVisible();

    await page.reload();
    await expect(page.getByRole("button", { name: "Sad" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("button", { name: "Happy" })).toHaveAttribute("aria-pressed", "false");

    const cookies = await page.context().cookies();
    const visitor = cookies.find((c) => c.name === "hc_visitor");
    expect(visitor?.httpOnly).toBe(true);
    const stored = (await feedbackFor(db, IMAP)).filter((f) => f.visitorId === visitor?.value);
    expect(stored).toEqual([{ rating: "sad", comments: ["How to keep a copy on the server with POP"], visitorId: visitor!.value }]);
  });

  test("a return visit shows the saved vote after a neutral, inert loading state, without moving the page", async ({ page }) => {
    await page.goto(`/articles/${IMAP}`);
    await page.getByRole("button", { name: "Normal" }).click();
    await expect(page.getByRole("status").filter({ hasText: "You rated this article Normal" })).toBeVisible();

    // The next visit's vote arrives slowly, as on a poor connection.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/feedback?*", async (route) => {
      await held;
      await route.continue();
    });
    const posts: string[] = [];
    page.on("request", (request) => request.method() === "POST" && request.url().includes("/api/feedback") && posts.push(request.url()));
    await page.reload();
    const widget = page.getByRole("region", { name: "What do you think of this support article?" });
    await expect(widget).toHaveAttribute("aria-busy", "true");
    for (const name of ["Happy", "Normal", "Sad"]) {
      await expect(widget.getByRole("button", { name })).toBeDisabled();
      await expect(widget.getByRole("button", { name })).toHaveAttribute("aria-pressed", "false");
    }
    const loadingBox = await widget.boundingBox();
    await widget.getByRole("button", { name: "Sad" }).click({ force: true }); // a click while loading is not taken
    await page.evaluate(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
        }
      }).observe({ type: "layout-shift" });
    });

    release();
    await expect(widget).toHaveAttribute("aria-busy", "false");
    await expect(widget.getByRole("button", { name: "Normal" })).toHaveAttribute("aria-pressed", "true");
    await expect(widget.getByRole("button", { name: "Sad" })).toBeEnabled();
    await expect(widget.getByRole("status")).toHaveText("You rated this article Normal.");
    expect((await widget.boundingBox())?.height).toBe(loadingBox?.height);
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
    expect(posts).toEqual([]);
  });

  test("sets no cookie for a visitor who only reads", async ({ page }) => {
    await page.goto(`/articles/${IMAP}`);
    await expect(page.getByRole("button", { name: "Normal" })).toHaveAttribute("aria-pressed", "false");
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("hc_visitor");
  });

  test("shows categories with counts, and a category lists its articles", async ({ page }) => {
    await page.goto("/");
    const email = page.getByRole("link", { name: /^Email .* \d+ articles$/ });
    await expect(email).toBeVisible();
    await email.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Email");
    await expect(page.getByRole("link", { name: /The difference between IMAP and POP/ })).toBeVisible();
  });

  test("offers the contact form when nothing matches", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: "Search the help center" }).pressSequentially("xylophone quartet");
    await expect(page.getByText("No articles match “xylophone quartet”.")).toBeVisible();
    await page.getByRole("link", { name: "ask our support team" }).click();
    await expect(page).toHaveURL(/\/contact\?q=xylophone/);
    await expect(page.getByRole("textbox", { name: "How can we help?" })).toHaveValue(/searched the help center for “xylophone quartet”/);
  });
});
