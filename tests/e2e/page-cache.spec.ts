// The page cache in front of Next (npm start): customer pages come from memory, and a publish
// shows on every page at once — the article, its category and the home page.
import { randomUUID } from "node:crypto";
import { expect, seedPublishedArticle, test } from "./staff-fixtures";

test.describe("Page cache", () => {
  test("answers repeat visits to an article from memory and shows a publish on every page at once", async ({ editorPage: page, editor, db, request }) => {
    const word = `zq${randomUUID().slice(0, 8)}`;
    const { id, slug } = await seedPublishedArticle(db, editor, {
      slug: `cached-${word}`,
      title: `Cached article ${word}`,
      body: "The first version of this text.\n",
    });

    const first = await request.get(`/articles/${slug}`);
    expect(first.status()).toBe(200);
    // Other tests publish at the same time, and every publish empties the cache: ask until a
    // repeat visit is answered from memory.
    await expect.poll(async () => (await request.get(`/articles/${slug}`)).headers()["x-cache"]).toBe("HIT");
    const second = await request.get(`/articles/${slug}`);
    expect(second.headers()["content-encoding"]).toBe("gzip");
    expect(second.headers()["x-frame-options"]).toBe("DENY");
    expect(await second.text()).toContain("The first version of this text.");
    // The category page lists the article under its old title (it was written straight to the
    // database, so that page may be older still: Next's and this cache's copies are only
    // renewed by a publish or by time). Either way it is kept and served from memory.
    await expect.poll(async () => (await request.get("/categories/email")).headers()["x-cache"]).toBe("HIT");

    await page.goto(`/staff/articles/${id}`);
    await page.getByLabel("Title").fill(`Renamed in place ${word}`);
    await page.getByRole("textbox", { name: "Article body (MDX)" }).click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText("The second version of this text.\n");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();

    // No waiting: the very next request after Publish has answered sees the new version. It is not
    // the stored copy: a fresh fill (MISS), or Next's own answer when another test's publish
    // emptied the cache during the fill (no x-cache).
    const after = await request.get(`/articles/${slug}`);
    expect(after.headers()["x-cache"]).not.toBe("HIT");
    const html = await after.text();
    expect(html).toContain("The second version of this text.");
    expect(html).not.toContain("The first version of this text.");
    expect(await (await request.get("/categories/email")).text()).toContain(`Renamed in place ${word}`);
  });

  test("a browser revisiting an unchanged page gets 304 Not Modified", async ({ request }) => {
    const path = "/articles/the-difference-between-imap-and-pop";
    let etag: string | undefined;
    await expect
      .poll(async () => {
        const cached = await request.get(path);
        etag = cached.headers().etag;
        return cached.headers()["x-cache"];
      })
      .toBe("HIT");
    expect(etag).toMatch(/^W\/"/);
    const revisit = await request.get(path, { headers: { "If-None-Match": etag! } });
    expect(revisit.status()).toBe(304);
    const changed = await request.get(path, { headers: { "If-None-Match": 'W/"an-older-version"' } });
    expect(changed.status()).toBe(200);
  });

  test("never answers from the cache what differs per visitor or per request", async ({ request }) => {
    await request.get("/articles/the-difference-between-imap-and-pop");
    const navigation = await request.get("/articles/the-difference-between-imap-and-pop", { headers: { RSC: "1" } });
    expect(navigation.headers()["x-cache"]).toBeUndefined();
    expect(navigation.headers()["content-type"]).toContain("text/x-component");
    for (const path of ["/staff/sign-in", "/api/search?q=imap", "/contact"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const second = await request.get(path);
      expect(second.headers()["x-cache"], path).not.toBe("HIT");
    }
  });

  test("keeps the search results page per query, whatever else the address carries", async ({ request }) => {
    await request.get("/search?q=webmail");
    const again = await request.get("/search?q=webmail&ref=newsletter");
    expect(again.headers()["x-cache"]).toBe("HIT");
    expect(await again.text()).toContain('href="/articles/use-webmail"');
    const other = await request.get("/search?q=difference%20between%20imap%20and%20pop");
    expect(other.headers()["x-cache"]).not.toBe("HIT");
    expect(await other.text()).toContain('href="/articles/the-difference-between-imap-and-pop"');
  });
});
