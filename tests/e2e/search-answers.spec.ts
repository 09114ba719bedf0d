// Search that finds the answer in the text: what customers typed on the real library (issue 13),
// typed into the home page's search box, with the first result they should see, the passage that
// explains it, honest corrections, and nothing at all for nonsense.
import { expect, test } from "./fixtures";

const FIRST_RESULTS: { query: string; title: RegExp }[] = [
  { query: "993", title: /email client settings/i }, // the IMAP SSL port, only in the body
  { query: "port 587", title: /email client settings/i },
  { query: "can't log in", title: /log ?in/i },
  { query: "2fa", title: /two-factor/i },
  { query: "ssl expired", title: /ssl/i },
];

test.describe("search finds the answer in the text", () => {
  for (const { query, title } of FIRST_RESULTS) {
    test(`“${query}” shows the article that answers it first`, async ({ page }) => {
      await page.goto("/");
      await page.getByRole("combobox", { name: "Search the help center" }).pressSequentially(query);
      const first = page.getByRole("listbox", { name: "Matching articles" }).getByRole("option").first();
      await expect(first.locator("span").first()).toHaveText(title);
    });
  }

  test("nonsense finds nothing: no correction, the contact offer, and the gap is recorded", async ({ page, db }) => {
    await page.goto("/");
    const search = page.getByRole("combobox", { name: "Search the help center" });
    await search.pressSequentially("quantum flux capacitor");
    await expect(page.getByText("No articles match “quantum flux capacitor”.")).toBeVisible();
    await expect(page.getByRole("listbox", { name: "Matching articles" }).getByRole("option")).toHaveCount(0);
    await expect(page.getByText(/Showing results for/)).toHaveCount(0);
    await expect(page.getByRole("link", { name: "ask our support team" })).toBeVisible();
    await search.blur();
    await expect
      .poll(() => db.searchEvent.findMany({ where: { query: "quantum flux capacitor" }, select: { resultCount: true } }))
      .toEqual([{ resultCount: 0 }]);
  });

  test("a match in the body shows the passage with the match marked, for screen readers too", async ({ page }, testInfo) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: "Search the help center" }).pressSequentially("993");
    const first = page.getByRole("listbox", { name: "Matching articles" }).getByRole("option").first();
    const snippet = first.locator("[data-snippet]");
    await expect(snippet).toContainText("993");
    await expect(snippet.locator("mark").first()).toHaveText("993");
    await expect(first).toHaveAccessibleName(/From the article: .*993/);
    await page.screenshot({ path: testInfo.outputPath("instant-results-snippet.png") });
  });

  test("a corrected query says so, and 'Search instead' searches the words as typed", async ({ page }, testInfo) => {
    await page.goto("/");
    const search = page.getByRole("combobox", { name: "Search the help center" });
    await search.pressSequentially("pasword reset");
    await expect(page.locator("[data-correction]")).toHaveText("Showing results for password reset. Search instead for pasword reset.");
    // Announced to screen readers with the result count.
    await expect(page.getByText(/^\d+ articles? found for password reset\.$/)).toBeAttached();

    await page.goto("/search?q=pasword");
    const notice = page.locator("main [data-correction]");
    await expect(notice).toHaveText("Showing results for password. Search instead for pasword.");
    await expect(
      page
        .getByRole("region", { name: /articles? found/ })
        .getByRole("link")
        .first(),
    ).toContainText(/password/i);
    await page.screenshot({ path: testInfo.outputPath("search-page-correction.png"), fullPage: true });

    await notice.getByRole("link", { name: "pasword" }).click();
    await expect(page).toHaveURL("/search?q=pasword&literal=1");
    await expect(page.getByRole("heading", { name: "No articles match “pasword”" })).toBeVisible();
    await expect(page.locator("main [data-correction]")).toHaveCount(0);
  });

  test("/api/search, answered in front of Next by npm start, sends the headers Next's route handlers send", async ({ request }) => {
    // Connection and framing headers differ by how the body is sent; everything else must match.
    const framing = new Set(["date", "content-length", "transfer-encoding", "content-encoding", "connection", "keep-alive"]);
    const comparable = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !framing.has(name)));
    await request.get("/api/search?q=imap"); // the first request after start may still go to Next
    const search = await request.get("/api/search?q=imap", { headers: { "Accept-Encoding": "gzip" } });
    // A route handler Next answers itself (a 400 without Cache-Control, like /api/search's answers).
    const feedback = await request.get("/api/feedback", { headers: { "Accept-Encoding": "gzip" } });
    expect(feedback.headers()["content-type"]).toMatch(/^application\/json/);
    expect(comparable(search.headers())).toEqual(comparable(feedback.headers()));
    expect(search.headers()["content-encoding"]).toBe("gzip");
    const tooLong = await request.get(`/api/search?q=${"a".repeat(201)}`);
    expect([tooLong.status(), await tooLong.json()]).toEqual([400, { error: "q must be at most 200 characters." }]);
  });

  test("/api/search answers with the correction and snippets, and refuses a bad literal flag", async ({ request }) => {
    const body = await (await request.get("/api/search?q=pasword")).json();
    expect(body.correctedQuery).toBe("password");
    expect(body.results.length).toBeGreaterThan(0);
    const port = await (await request.get("/api/search?q=993")).json();
    expect(port.results[0]).toMatchObject({ slug: "email-client-settings", snippet: expect.stringContaining("993") });
    const bad = await request.get("/api/search?q=x&literal=yes");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toBe("literal must be 1 (the words as typed) or 0.");
  });
});
