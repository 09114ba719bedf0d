import { contactFormToken, expect, test } from "./fixtures";

const JSON_HEADERS = { "Content-Type": "application/json" };

test.describe("feedback API", () => {
  test("records a vote, changes it, and returns it to the same visitor only", async ({ playwright, db, baseURL }) => {
    const visitor = await playwright.request.newContext({ baseURL });
    const stranger = await playwright.request.newContext({ baseURL });
    try {
      const first = await visitor.post("/api/feedback", { data: { article: "use-webmail", rating: "normal" } });
      expect(first.status()).toBe(200);
      expect(first.headers()["set-cookie"]).toMatch(/hc_visitor=[0-9a-f-]{36}; .*HttpOnly; SameSite=lax/i);
      await visitor.post("/api/feedback", { data: { article: "use-webmail", rating: "happy" } });

      expect(await (await visitor.get("/api/feedback?article=use-webmail")).json()).toEqual({ vote: { rating: "happy", comment: null } });
      expect(await (await stranger.get("/api/feedback?article=use-webmail")).json()).toEqual({ vote: null });

      const state = await visitor.storageState();
      const id = state.cookies.find((c) => c.name === "hc_visitor")!.value;
      const rows = await db.feedback.findMany({ where: { visitorId: id } });
      expect(rows.map((r) => r.rating)).toEqual(["happy"]);
    } finally {
      await visitor.dispose();
      await stranger.dispose();
    }
  });

  const bad: { name: string; status: number; message: RegExp; headers?: Record<string, string>; body: string }[] = [
    {
      name: "an unknown article",
      status: 404,
      message: /no published article "no-such-article"/,
      body: JSON.stringify({ article: "no-such-article", rating: "sad" }),
    },
    {
      name: "an unknown rating",
      status: 422,
      message: /rating must be one of happy, normal or sad/,
      body: JSON.stringify({ article: "mx-records", rating: "angry" }),
    },
    { name: "missing fields", status: 422, message: /article .*rating/s, body: "{}" },
    {
      name: "an over-long comment",
      status: 422,
      message: /comment must be at most 1000 characters/,
      body: JSON.stringify({ article: "mx-records", rating: "sad", comment: "x".repeat(1001) }),
    },
    {
      name: "a comment on a Happy vote",
      status: 422,
      message: /comment can only be sent with a Sad rating/,
      body: JSON.stringify({ article: "mx-records", rating: "happy", comment: "hi" }),
    },
    { name: "a path in the slug", status: 422, message: /article use lowercase letters/, body: JSON.stringify({ article: "../../etc/passwd", rating: "sad" }) },
    { name: "an unknown field", status: 422, message: /Unrecognized key/i, body: JSON.stringify({ article: "mx-records", rating: "sad", visitorId: "x" }) },
    { name: "invalid JSON", status: 400, message: /not valid JSON/, body: "{rating:" },
    {
      name: "a form post",
      status: 415,
      message: /Content-Type: application\/json/,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "article=mx-records&rating=sad",
    },
    {
      name: "an oversized body",
      status: 413,
      message: /too large: at most 4096 bytes/,
      body: JSON.stringify({ article: "mx-records", rating: "sad", comment: "x".repeat(5000) }),
    },
    {
      name: "another site's origin",
      status: 403,
      message: /other sites/,
      headers: { ...JSON_HEADERS, Origin: "https://evil.example" },
      body: JSON.stringify({ article: "mx-records", rating: "sad" }),
    },
  ];

  // Bad requests aim at refund-policy, which no other test rates, so counts are not disturbed
  // by tests running in parallel.
  for (const { name, status, message, headers = JSON_HEADERS, body } of bad) {
    test(`answers ${name} with ${status} and stores nothing`, async ({ request, db }) => {
      const stored = () => db.feedback.count({ where: { article: { slug: "refund-policy" } } });
      const before = await stored();
      const response = await request.post("/api/feedback", { headers, data: Buffer.from(body.replaceAll("mx-records", "refund-policy")) });
      expect(response.status()).toBe(status);
      expect((await response.json()).error).toMatch(message);
      expect(response.headers()["set-cookie"]).toBeUndefined();
      expect(await stored()).toBe(before);
    });
  }

  test("a GET without an article is a 400 that says what to send", async ({ request }) => {
    const response = await request.get("/api/feedback?article=..%2Fx");
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatch(/api\/feedback\?article=<slug>/);
  });
});

test.describe("contact API", () => {
  test("stores a valid request and answers 201", async ({ request, db }) => {
    const email = `api.${Date.now()}@example.com`;
    const response = await request.post("/api/contact", {
      data: { name: "Grace", email, message: "Please call me about my invoice.", formToken: await contactFormToken(db) },
    });
    expect(response.status()).toBe(201);
    expect(await db.contactRequest.count({ where: { email } })).toBe(1);
  });

  // Each bad request carries a unique name, so "stores nothing" is checked for that request alone.
  for (const [name, body, status, field] of [
    ["missing fields", {}, 422, "email"],
    ["a bad email", { email: "g@", message: "Long enough message" }, 422, "email"],
    ["an unknown article", { email: "g@example.com", message: "Long enough message", article: "nope-nope" }, 422, "article"],
    ["an over-long message", { email: "g@example.com", message: "x".repeat(5001) }, 422, "message"],
  ] as const) {
    test(`answers ${name} with ${status}, names the field and stores nothing`, async ({ request, db }, testInfo) => {
      const marker = `bad-request-${testInfo.testId}`;
      const response = await request.post("/api/contact", { data: { name: marker, ...body, formToken: await contactFormToken(db) } });
      expect(response.status()).toBe(status);
      expect((await response.json()).fields).toHaveProperty(field);
      expect(await db.contactRequest.count({ where: { name: marker } })).toBe(0);
    });
  }

  test("refuses an oversized body with 413", async ({ request, db }) => {
    const response = await request.post("/api/contact", { data: { name: "oversized", email: "g@example.com", message: "x".repeat(20_000) } });
    expect(response.status()).toBe(413);
    expect((await response.json()).error).toMatch(/too large/);
    expect(await db.contactRequest.count({ where: { name: "oversized" } })).toBe(0);
  });
});

test.describe("search API and index", () => {
  test("/api/search ranks like the instant search", async ({ request }) => {
    const body = await (await request.get("/api/search?q=dns+propogation")).json();
    expect(body.results[0].slug).toBe("dns-propagation");
  });

  test("/api/search refuses an over-long query with 400", async ({ request }) => {
    const response = await request.get(`/api/search?q=${"a".repeat(201)}`);
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatch(/at most 200 characters/);
  });

  test("the index is served immutable under its content hash, and an old name redirects", async ({ request, page }) => {
    await page.goto("/articles/mx-records");
    const [indexResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/search-index/")),
      page.getByRole("combobox", { name: "Search the help center" }).focus(),
    ]);
    expect(indexResponse.url()).toMatch(/\/search-index\/[0-9a-f]{16}\.json$/);
    expect(indexResponse.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");

    const old = await request.get("/search-index/0123456789abcdef.json", { maxRedirects: 0 });
    expect(old.status()).toBe(307);
    // Relative, so it stays on the origin the page was loaded from.
    expect(old.headers()["location"]).toMatch(/^\/search-index\/[0-9a-f]{16}\.json$/);
    expect((await request.get("/search-index/../../etc/passwd")).status()).toBe(404);
  });

  test("an article page does not load the index until the search box is used", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto("/articles/mx-records");
    await page.waitForLoadState("networkidle");
    expect(requested.filter((url) => url.includes("/search-index/"))).toEqual([]);
  });
});

test.describe("views", () => {
  test("reading an article counts one view for the day", async ({ page, db }) => {
    const before = await db.articleViewDay.aggregate({ where: { article: { slug: "download-invoices" } }, _sum: { count: true } });
    await page.goto("/articles/download-invoices");
    await expect
      .poll(async () => (await db.articleViewDay.aggregate({ where: { article: { slug: "download-invoices" } }, _sum: { count: true } }))._sum.count ?? 0)
      .toBe((before._sum.count ?? 0) + 1);
  });

  test("refuses a view of an unknown article", async ({ request }) => {
    const response = await request.post("/api/views", { data: { article: "nope-nope" } });
    expect(response.status()).toBe(404);
  });
});
