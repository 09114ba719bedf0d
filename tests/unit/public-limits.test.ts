// The limits on what anonymous visitors can write, against a real database: one client can no
// longer sink an article's score, crown an unread article, bury the inbox or fill the searches log.
// Every limit is per client (visitor cookie and a day-keyed hash of the address), never the
// address itself.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFormToken, issueFormToken } from "@/lib/contact/form-token";
import { createContactRequest } from "@/lib/contact/service";
import { recordFeedback, recordView } from "@/lib/feedback/service";
import { PUBLIC_LIMITS, TooManyRequestsError } from "@/lib/limits/limits";
import { purgeExpired } from "@/lib/maintenance/purge";
import { recordSearchEvent } from "@/lib/search-events/service";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

describe.each(providers.filter((p) => p.available))("limits on public writes on $name", ({ name }) => {
  let t: TestDatabase;
  let articleId: string;
  const ctx = () => ({ db: t.db });
  let n = 0;
  const anAddress = () => `203.0.113.${(n += 1)}`;

  beforeAll(async () => {
    t = await createTestDatabase(name);
    await t.db.category.create({ data: { slug: "email", name: "Email", description: "Mail settings and problems.", position: 0 } });
    const article = await t.db.article.create({
      data: { slug: "mx-records", title: "MX records", description: "Where mail goes.", categorySlug: "email", contentUpdatedAt: new Date() },
    });
    const revision = await t.db.articleRevision.create({
      data: {
        articleId: article.id,
        title: "MX records",
        description: "Where mail goes.",
        categorySlug: "email",
        body: "Text",
        contentHash: "h",
        author: "test",
      },
    });
    await t.db.article.update({ where: { id: article.id }, data: { status: "published", publishedRevisionId: revision.id } });
    articleId = article.id;
  });
  afterAll(() => t.dispose());

  /** Calls `write` until it is refused; returns how many were accepted and the refusal. */
  async function untilRefused(write: () => Promise<unknown>, max = 500) {
    for (let accepted = 0; accepted < max; accepted++) {
      try {
        await write();
      } catch (error) {
        return { accepted, error };
      }
    }
    return { accepted: max, error: null };
  }

  it("stops one address voting after its allowance, with 429 and how long to wait, and stores no vote after it", async () => {
    const address = anAddress();
    const { accepted, error } = await untilRefused(() => recordFeedback(ctx(), { address, visitor: randomUUID() }, { article: "mx-records", rating: "sad" }));
    expect(accepted).toBe(PUBLIC_LIMITS.vote.address.points);
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect(error).toMatchObject({
      status: 429,
      retryAfterSeconds: expect.any(Number),
      message: expect.stringMatching(/Too many ratings from your connection/),
    });
    expect(await t.db.feedback.count({ where: { articleId, rating: "sad" } })).toBe(PUBLIC_LIMITS.vote.address.points);
    // Another client is not affected.
    await expect(recordFeedback(ctx(), { address: anAddress(), visitor: randomUUID() }, { article: "mx-records", rating: "happy" })).resolves.toMatchObject({
      rating: "happy",
    });
  });

  it("stops one visitor cookie changing its vote from many addresses", async () => {
    const visitor = randomUUID();
    const { accepted } = await untilRefused(() => recordFeedback(ctx(), { address: anAddress(), visitor }, { article: "mx-records", rating: "normal" }));
    expect(accepted).toBe(PUBLIC_LIMITS.vote.visitor.points);
  });

  it("counts a view once per client, article and day, however often it is reported", async () => {
    const address = anAddress();
    const before = await t.db.articleViewDay.aggregate({ where: { articleId }, _sum: { count: true } });
    for (let i = 0; i < 30; i++) await recordView(ctx(), "mx-records", { address });
    await recordView(ctx(), "mx-records", { address: anAddress() });
    const after = await t.db.articleViewDay.aggregate({ where: { articleId }, _sum: { count: true } });
    expect((after._sum.count ?? 0) - (before._sum.count ?? 0)).toBe(2);
  });

  it("never stores a client's address, only its keyed hash", async () => {
    const address = "198.51.100.77";
    await recordSearchEvent(ctx(), { query: "dkim", resultCount: 1 }, { address });
    const keys = (await t.db.rateLimiterFlexible.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => key.includes("198.51.100"))).toEqual([]);
  });

  it("limits finished searches per client", async () => {
    const address = anAddress();
    const { accepted } = await untilRefused(() => recordSearchEvent(ctx(), { query: "quantum flux", resultCount: 0 }, { address }));
    expect(accepted).toBe(PUBLIC_LIMITS.search.address.points);
  });

  describe("the contact form", () => {
    const message = { name: "Ada", email: "ada@example.com", message: "My mail stopped syncing this morning." };
    const aged = async (seconds: number) => issueFormToken(ctx(), Date.now() - seconds * 1000);

    it("accepts a message sent a few seconds after the form was made", async () => {
      const created = await createContactRequest(ctx(), { ...message, formToken: await aged(10) }, { address: anAddress() });
      expect(await t.db.contactRequest.findUnique({ where: { id: created.id } })).toMatchObject({ name: "Ada", status: "open" });
    });

    it.each([
      ["the hidden field filled in", { website: "http://spam.example" }, /leave this empty/],
      ["no token", { formToken: "" }, /not sent from our contact page/],
      ["a forged token", { formToken: `${Date.now() - 60_000}.${"A".repeat(43)}` }, /not sent from our contact page/],
      ["a token from the future", { formToken: `${Date.now() + 3_600_000}.${"A".repeat(43)}` }, /not sent from our contact page/],
    ])("refuses a message with %s, storing nothing", async (_name, change, expected) => {
      const before = await t.db.contactRequest.count();
      const input = { ...message, formToken: await aged(10), ...change };
      await expect(createContactRequest(ctx(), input, { address: anAddress() })).rejects.toMatchObject({
        status: 422,
        message: expect.stringMatching(expected),
      });
      expect(await t.db.contactRequest.count()).toBe(before);
    });

    it("refuses a message sent the moment the form was made, and one from a form over a day old", async () => {
      expect(await checkFormToken(ctx(), await aged(0))).toBe("too-fast");
      expect(await checkFormToken(ctx(), await aged(2 * 86_400))).toBe("expired");
      await expect(createContactRequest(ctx(), { ...message, formToken: await aged(0) }, { address: anAddress() })).rejects.toMatchObject({
        status: 422,
        message: expect.stringMatching(/faster than anyone can type/),
      });
    });

    it("limits messages per client", async () => {
      const address = anAddress();
      const formToken = await aged(10);
      const { accepted, error } = await untilRefused(() => createContactRequest(ctx(), { ...message, formToken }, { address }));
      expect(accepted).toBe(PUBLIC_LIMITS.contact.address.points);
      expect(error).toMatchObject({ status: 429, message: expect.stringMatching(/Too many messages/) });
    });
  });

  it("purges what is only kept for a while, and nothing else", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 200 * 86_400_000);
    await t.db.searchEvent.create({ data: { query: "ancient", resultCount: 0, createdAt: old } });
    await t.db.searchEvent.create({ data: { query: "recent", resultCount: 0 } });
    await t.db.contactRequest.create({ data: { name: "Spammer", email: "s@example.com", message: "buy now", status: "spam", createdAt: old } });
    await t.db.contactRequest.create({ data: { name: "Old customer", email: "c@example.com", message: "help", status: "handled", createdAt: old } });
    await t.db.rateLimiterFlexible.create({ data: { key: "public:test:expired", points: 1, expire: new Date(now.getTime() - 1000) } });
    await t.db.dailySecret.create({ data: { day: "2020-01-01", secret: "old" } });
    const summary = await purgeExpired(ctx(), now);
    expect(summary).toMatchObject({ searchEvents: 1, spam: 1 });
    expect(await t.db.dailySecret.count({ where: { day: "2020-01-01" } })).toBe(0);
    expect(await t.db.dailySecret.count({ where: { day: now.toISOString().slice(0, 10) } })).toBe(1);
    expect(summary.limiterRows).toBeGreaterThanOrEqual(1);
    expect(await t.db.searchEvent.count({ where: { query: { in: ["ancient", "recent"] } } })).toBe(1);
    expect(await t.db.contactRequest.count({ where: { name: "Old customer" } })).toBe(1);
    expect(await t.db.rateLimiterFlexible.count({ where: { key: "public:test:expired" } })).toBe(0);
  });
});
