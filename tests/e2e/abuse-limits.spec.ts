// One client against the public writes and one editor against the server's CPU: the limits hold
// over real HTTP, and what one sender asks for never stalls anyone else.
import { zipSync } from "fflate";
import { expect, test } from "./staff-fixtures";

test.describe("limits per client", () => {
  test("a client voting in a loop is refused with 429 and how long to wait, and keeps one vote", async ({ request, db }) => {
    const statuses: number[] = [];
    let refusal: { status: number; retryAfter?: string; error?: string } | null = null;
    for (let i = 0; i < 30; i++) {
      const answer = await request.post("/api/feedback", { data: { article: "refund-policy", rating: i % 2 ? "sad" : "happy" } });
      statuses.push(answer.status());
      if (answer.status() === 429 && !refusal) refusal = { status: 429, retryAfter: answer.headers()["retry-after"], error: (await answer.json()).error };
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
    expect(refusal).toMatchObject({
      retryAfter: expect.stringMatching(/^\d+$/),
      error: expect.stringMatching(/Too many ratings from your connection\. Please try again in \d+ seconds?\./),
    });
    const visitor = (await request.storageState()).cookies.find((cookie) => cookie.name === "hc_visitor")!.value;
    expect(await db.feedback.count({ where: { visitorId: visitor } })).toBe(1);
  });

  test("a view reported a hundred times counts once", async ({ request, db }) => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: "au-domain-eligibility" }, select: { id: true } });
    const total = async () => (await db.articleViewDay.aggregate({ where: { articleId: article.id }, _sum: { count: true } }))._sum.count ?? 0;
    const before = await total();
    for (let i = 0; i < 100; i++) expect((await request.post("/api/views", { data: { article: "au-domain-eligibility" } })).status()).toBe(204);
    expect(await total()).toBe(before + 1);
  });

  test("a message posted without the contact page's token is refused and not stored", async ({ request, db }) => {
    const before = await db.contactRequest.count();
    const answer = await request.post("/api/contact", { data: { name: "Bot", email: "bot@example.com", message: "Buy cheap followers today!" } });
    expect(answer.status()).toBe(422);
    expect((await answer.json()).error).toMatch(/formToken is missing: send the form from the contact page/);
    expect(await db.contactRequest.count()).toBe(before);
  });
});

test.describe("one editor's work does not stall the site", () => {
  test("a document that would take seconds to read is stopped with a message, while customer pages answer", async ({ editorPage: page, request }) => {
    const order: string[] = [];
    const hostile = page.request.post("/api/staff/preview", { data: { body: "*a".repeat(60_000) } }).then(async (answer) => {
      order.push("preview");
      return answer;
    });
    // Asked for after the preview began; answered before it, because compiling happens elsewhere.
    await page.waitForTimeout(300);
    const customer = request.get("/api/search?q=dns").then((answer) => {
      order.push("customer");
      return answer;
    });
    const [preview, search] = await Promise.all([hostile, customer]);
    expect(search.status()).toBe(200);
    expect(preview.status()).toBe(200);
    expect((await preview.json()).problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/took more than 1\.5 seconds to read and was stopped/) }),
    ]);
    expect(order).toEqual(["customer", "preview"]);
  });

  test("a zip that unpacks to far more than it says is refused with 413, and nothing is imported", async ({ editorPage: page, db }) => {
    const files = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`articles/email/bomb-${i}.mdx`, new Uint8Array(900 * 1024)]));
    const bomb = zipSync(files, { level: 9 });
    // Every header claims 100 bytes: only what is really inflated tells.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let at = 0; at + 4 <= bomb.byteLength; at++) {
      if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 100, true);
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 100, true);
    }
    const answer = await page.request.post("/api/staff/library/import", {
      multipart: { files: { name: "library.zip", mimeType: "application/zip", buffer: Buffer.from(bomb) } },
    });
    expect(answer.status()).toBe(413);
    expect((await answer.json()).error).toMatch(/unpacks to more than 64 MB/);
    expect(await db.article.count({ where: { slug: { startsWith: "bomb-" } } })).toBe(0);
  });
});
