// Ratings against a real database: what a visitor sends is stored, a comment is never lost to a
// later vote, and staff see each comment beside the vote its writer gives today.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getVisitorFeedback, recordFeedback } from "@/lib/feedback/service";
import { getBacklog } from "@/lib/staff/backlog";
import { getArticleFeedbackInsights } from "@/lib/staff/feedback-insights";
import { recentSadComments } from "@/lib/staff/feedback-insights-site";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

describe.each(providers.filter((p) => p.available))("recording ratings on $name", ({ name }) => {
  let t: TestDatabase;
  const editor: Actor = { id: "editor-1", email: "e@example.com", name: "Eve Editor", role: "editor" };
  const staff = () => ({ db: t.db, actor: editor });
  const site = () => ({ db: t.db });
  // Each visitor votes from an address of their own, well inside the per-address vote limit.
  const addresses = new Map<string, string>();
  const from = (visitor: string) => ({ visitor, address: addresses.get(visitor) ?? addresses.set(visitor, `198.51.100.${addresses.size + 1}`).get(visitor)! });
  const article = { id: "", slug: "forward-email", firstRevision: "", secondRevision: "" };

  async function publishRevision(body: string) {
    const revision = await t.db.articleRevision.create({
      data: { articleId: article.id, title: "Forward your email", description: "d", categorySlug: "email", body, contentHash: randomUUID(), author: "Ada" },
    });
    await t.db.article.update({ where: { id: article.id }, data: { publishedRevisionId: revision.id } });
    return revision.id;
  }

  beforeAll(async () => {
    t = await createTestDatabase(name);
    await t.db.category.create({ data: { slug: "email", name: "Email", description: "Mailboxes." } });
    const row = await t.db.article.create({
      data: { slug: article.slug, title: "Forward your email", description: "d", categorySlug: "email", status: "published", contentUpdatedAt: new Date() },
    });
    article.id = row.id;
    article.firstRevision = await publishRevision("First version.");
  });
  afterAll(() => t.dispose());

  it("keeps a Sad comment, with its revision, when the visitor votes Happy and then Sad again", async () => {
    const visitor = randomUUID();
    const comment = "I was looking for the forwarding address field";
    expect(await recordFeedback(site(), from(visitor), { article: article.slug, rating: "sad", comment })).toEqual({ rating: "sad", comment });
    article.secondRevision = await publishRevision("Second version.");

    expect(await recordFeedback(site(), from(visitor), { article: article.slug, rating: "happy" })).toEqual({ rating: "happy", comment: null });
    const stored = await t.db.feedbackComment.findMany({ where: { feedback: { visitorId: visitor } }, select: { body: true, revisionId: true } });
    expect(stored).toEqual([{ body: comment, revisionId: article.firstRevision }]);
    expect(await getVisitorFeedback(site(), visitor, article.slug)).toEqual({ rating: "happy", comment: null });

    // Sad again: the old comment stays, and the widget may ask for a new one.
    await recordFeedback(site(), from(visitor), { article: article.slug, rating: "sad" });
    expect(await getVisitorFeedback(site(), visitor, article.slug)).toEqual({ rating: "sad", comment: null });
    await recordFeedback(site(), from(visitor), { article: article.slug, rating: "sad", comment: "Still no field" });
    expect(await getVisitorFeedback(site(), visitor, article.slug)).toEqual({ rating: "sad", comment: "Still no field" });
    const all = await t.db.feedbackComment.findMany({
      where: { feedback: { visitorId: visitor } },
      orderBy: { createdAt: "asc" },
      select: { body: true, revisionId: true },
    });
    expect(all).toEqual([
      { body: comment, revisionId: article.firstRevision },
      { body: "Still no field", revisionId: article.secondRevision },
    ]);
    expect(await t.db.feedback.count({ where: { visitorId: visitor } })).toBe(1);
  });

  it("stores a comment sent twice (a retry) once", async () => {
    const visitor = randomUUID();
    for (let i = 0; i < 2; i++) await recordFeedback(site(), from(visitor), { article: article.slug, rating: "sad", comment: "Where is the setting?" });
    expect(await t.db.feedbackComment.count({ where: { feedback: { visitorId: visitor } } })).toBe(1);
    expect(await getVisitorFeedback(site(), visitor, article.slug)).toEqual({ rating: "sad", comment: "Where is the setting?" });
  });

  it("shows staff every comment with the vote its writer gives now, on the article, site-wide and in the backlog", async () => {
    const changedMind = randomUUID();
    const stillSad = randomUUID();
    await recordFeedback(site(), from(changedMind), { article: article.slug, rating: "sad", comment: "Too short" });
    await recordFeedback(site(), from(changedMind), { article: article.slug, rating: "normal" });
    await recordFeedback(site(), from(stillSad), { article: article.slug, rating: "sad", comment: "No screenshots" });

    const insights = await getArticleFeedbackInsights(staff(), article.id);
    const byText = Object.fromEntries(insights.sadComments.map((c) => [c.comment, c.currentRating]));
    expect(byText).toMatchObject({
      "Too short": "normal",
      "No screenshots": "sad",
      "I was looking for the forwarding address field": "sad",
      "Still no field": "sad",
    });
    expect(insights.sadCommentCount).toBe(5);

    const recent = await recentSadComments(staff(), { limit: 2 });
    expect(recent.map((c) => [c.comment, c.currentRating, c.article.slug])).toEqual([
      ["No screenshots", "sad", article.slug],
      ["Too short", "normal", article.slug],
    ]);

    const [item] = await getBacklog(staff());
    expect(item).toMatchObject({ kind: "fix", articleId: article.id, customers: 4, commentCount: 5 });
    expect(item?.kind === "fix" && item.comments[1]).toMatchObject({ text: "Too short", currentRating: "normal" });
  });

  it("takes many votes of one visitor at once without an error, keeping one row with one of them", async () => {
    const visitor = randomUUID();
    const ratings = ["happy", "normal", "sad"] as const;
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => recordFeedback(site(), from(visitor), { article: article.slug, rating: ratings[i % 3]! })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await t.db.feedback.findMany({ where: { visitorId: visitor }, select: { rating: true } });
    expect(rows).toHaveLength(1);
    expect(ratings).toContain(rows[0]!.rating);
  });

  it("refuses a vote on an article that is not published, storing nothing", async () => {
    const visitor = randomUUID();
    await expect(recordFeedback(site(), from(visitor), { article: "no-such-article", rating: "sad", comment: "x" })).rejects.toMatchObject({ status: 404 });
    expect(await t.db.feedback.count({ where: { visitorId: visitor } })).toBe(0);
  });
});
