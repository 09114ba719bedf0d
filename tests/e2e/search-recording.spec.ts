// Recording what customers search: one row per final query (never per keystroke), with how many
// results it showed and which one was opened; the recording API refuses bad input.
import { expect, test } from "./fixtures";

test.describe("recording customer searches", () => {
  test("typing, pausing and opening a result records one search with its result count and the article", async ({ page, db }) => {
    await page.goto("/");
    const search = page.getByRole("combobox", { name: "Search the help center" });
    await search.pressSequentially("Mailbox  FULL");
    const options = page.getByRole("listbox", { name: "Matching articles" }).getByRole("option");
    await expect(options.first()).toBeVisible();
    const shown = await options.count();

    // The pause makes the query final: it is recorded without anything being opened yet.
    const recorded = () => db.searchEvent.findMany({ where: { query: { startsWith: "mai" } }, select: { query: true, resultCount: true, openedSlug: true } });
    await expect.poll(recorded, { timeout: 10_000 }).toEqual([{ query: "mailbox full", resultCount: shown, openedSlug: null }]);

    const first = options.first().getByRole("link");
    const slug = (await first.getAttribute("href"))!.replace("/articles/", "");
    await first.click();
    await expect(page).toHaveURL(`/articles/${slug}`);
    await expect.poll(recorded).toEqual([{ query: "mailbox full", resultCount: shown, openedSlug: slug }]);
  });

  test("a search that finds nothing is recorded with no results when the customer leaves the box", async ({ page, db }) => {
    await page.goto("/articles/mx-records");
    const search = page.getByRole("combobox", { name: "Search the help center" });
    await search.pressSequentially("xylophone zzyzx");
    await expect(page.getByText("No articles match “xylophone zzyzx”.")).toBeVisible();
    await page.keyboard.press("Escape");
    await search.blur();
    await expect
      .poll(() => db.searchEvent.findMany({ where: { query: { contains: "zzyzx" } }, select: { query: true, resultCount: true, openedSlug: true } }))
      .toEqual([{ query: "xylophone zzyzx", resultCount: 0, openedSlug: null }]);
  });

  test("the results page records its query once, with the result opened from it", async ({ page, db }) => {
    await page.goto("/search?q=Forwarder+setup");
    const results = page.getByRole("region", { name: /articles? found/ }).getByRole("link");
    await expect(results.first()).toBeVisible();
    const shown = await results.count();
    const recorded = () => db.searchEvent.findMany({ where: { query: "forwarder setup" }, select: { resultCount: true, openedSlug: true } });
    await expect.poll(recorded).toEqual([{ resultCount: shown, openedSlug: null }]);
    // The browser remembers the recorded search once the server's answer has arrived (the row
    // can be stored a moment before): only then is a reload the same search seen again.
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem("hc:last-search"))).toContain("forwarder setup");

    await page.reload();
    await expect(results.first()).toBeVisible();
    const slug = (await results.first().getAttribute("href"))!.replace("/articles/", "");
    await results.first().click();
    await expect(page).toHaveURL(`/articles/${slug}`);
    await expect.poll(recorded).toEqual([{ resultCount: shown, openedSlug: slug }]);
  });

  test("the API refuses bad input with a clear message and stores nothing", async ({ request, db }) => {
    const post = (data: unknown, headers: Record<string, string> = {}) => request.post("/api/search-events", { data: data as string, headers });

    const wrongType = await post("query=zzbad+one&resultCount=1", { "Content-Type": "application/x-www-form-urlencoded" });
    expect(wrongType.status()).toBe(415);
    expect((await wrongType.json()).error).toContain("Content-Type: application/json");

    const broken = await post(Buffer.from('{"query": "zzbad two",'), { "Content-Type": "application/json" });
    expect(broken.status()).toBe(400);

    const tooShort = await post({ query: "z", resultCount: 1 });
    expect(tooShort.status()).toBe(422);
    expect((await tooShort.json()).fields).toEqual({ query: "must have at least 2 characters" });
    const negative = await post({ query: "zzbad three", resultCount: -2 });
    expect(negative.status()).toBe(422);
    const extra = await post({ query: "zzbad four", resultCount: 1, visitorId: "someone" });
    expect(extra.status()).toBe(422);
    const draftOpen = await post({ query: "zzbad five", resultCount: 1, openedSlug: "no-such-article" });
    expect(draftOpen.status()).toBe(422);

    const foreign = await post({ query: "zzbad six", resultCount: 1 }, { Origin: "https://elsewhere.example" });
    expect(foreign.status()).toBe(403);

    const unknown = await request.post("/api/search-events/ckunknownunknownunknown1/open", { data: { slug: "mx-records" } });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error).toBe("There is no such search.");

    expect(await db.searchEvent.count({ where: { query: { startsWith: "zzbad" } } })).toBe(0);

    // And the good path, for contrast: 201 with the id, then the open.
    const created = await post({ query: "ZZgood  one", resultCount: 2 });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    const opened = await request.post(`/api/search-events/${id}/open`, { data: { slug: "mx-records" } });
    expect(opened.status()).toBe(200);
    const badSlug = await request.post(`/api/search-events/${id}/open`, { data: { slug: "Not A Slug" } });
    expect(badSlug.status()).toBe(422);
    expect(await db.searchEvent.findUnique({ where: { id }, select: { query: true, openedSlug: true } })).toEqual({
      query: "zzgood one",
      openedSlug: "mx-records",
    });
  });
});
