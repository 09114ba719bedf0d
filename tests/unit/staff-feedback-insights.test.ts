// Feedback dashboards against a real database: the numbers staff see for seeded ratings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getArticleFeedbackInsights, getWeeklyTrend, TREND_WEEKS } from "@/lib/staff/feedback-insights";
import { lowestRatedArticles, MIN_RATINGS_FOR_RANKING, mostViewedArticles, recentSadComments } from "@/lib/staff/feedback-insights-site";
import { getStaffOverview } from "@/lib/staff/overview";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

// A Wednesday. Its week started on Monday 23 Nov; the trend's first week starts 11 weeks earlier.
const NOW = new Date("2026-11-25T12:00:00Z");
const at = (iso: string) => new Date(iso);

describe.each(providers.filter((p) => p.available))("feedback insights on $name", ({ name }) => {
  let t: TestDatabase;
  const editor: Actor = { id: "editor-1", email: "e@example.com", name: "Eve Editor", role: "editor" };
  const ctx = () => ({ db: t.db, actor: editor });
  const ids = { main: "", revA: "", revB: "", fewRatings: "", good: "", deleted: "" };

  async function article(slug: string, title: string, deleted = false) {
    const row = await t.db.article.create({
      data: { slug, title, description: "d", categorySlug: "email", status: "published", contentUpdatedAt: NOW, ...(deleted ? { deletedAt: NOW } : {}) },
    });
    return row.id;
  }
  async function revision(articleId: string, createdAt: Date, publish = true) {
    const row = await t.db.articleRevision.create({
      data: {
        articleId,
        title: "t",
        description: "d",
        categorySlug: "email",
        body: "b",
        contentHash: `${articleId}-${createdAt.toISOString()}`,
        author: "Ada",
        createdAt,
      },
    });
    if (publish) await t.db.article.update({ where: { id: articleId }, data: { publishedRevisionId: row.id } });
    return row.id;
  }
  let visitor = 0;
  async function rate(articleId: string, revisionId: string | null, rating: string, when: Date, comment?: string, createdAt = when) {
    const comments = comment ? { comments: { create: { body: comment, revisionId, createdAt: when } } } : {};
    await t.db.feedback.create({ data: { articleId, revisionId, visitorId: `visitor-${++visitor}`, rating, createdAt, updatedAt: when, ...comments } });
  }

  beforeAll(async () => {
    t = await createTestDatabase(name);
    await t.db.category.create({ data: { slug: "email", name: "Email", description: "Mailboxes." } });

    // The article under study: revision A (1 Oct) rated 3 Happy, 1 Normal, 2 Sad; then revision B
    // (3 Nov) rated 4 Happy, 1 Normal.
    ids.main = await article("forward-email", "Forward your email");
    ids.revA = await revision(ids.main, at("2026-10-01T08:00:00Z"));
    await rate(ids.main, ids.revA, "happy", at("2026-10-05T10:00:00Z")); // week of 5 Oct
    await rate(ids.main, ids.revA, "happy", at("2026-10-06T10:00:00Z")); // week of 5 Oct
    await rate(ids.main, ids.revA, "happy", at("2026-10-14T10:00:00Z")); // week of 12 Oct
    await rate(ids.main, ids.revA, "normal", at("2026-10-14T11:00:00Z")); // week of 12 Oct
    await rate(ids.main, ids.revA, "sad", at("2026-10-20T10:00:00Z"), "It does not say where the setting is"); // week of 19 Oct
    // Voted in August, changed to Sad in the week of 26 Oct: counts there, not in August.
    await rate(ids.main, ids.revA, "sad", at("2026-10-27T10:00:00Z"), "Screenshots are out of date", at("2026-08-01T10:00:00Z"));
    ids.revB = await revision(ids.main, at("2026-11-03T09:00:00Z"));
    for (const day of ["04", "05", "10", "24"]) await rate(ids.main, ids.revB, "happy", at(`2026-11-${day}T10:00:00Z`));
    await rate(ids.main, ids.revB, "normal", at("2026-11-24T12:00:00Z"));
    // A revision never rated, then nothing: no score, no change.
    await t.db.articleViewDay.createMany({
      data: [
        { articleId: ids.main, day: "2026-11-25", count: 7 },
        { articleId: ids.main, day: "2026-10-27", count: 5 }, // 29 days before NOW: inside 30 days
        { articleId: ids.main, day: "2026-10-26", count: 100 }, // 30 days before: outside
      ],
    });

    // Below the threshold: all Sad, but only MIN_RATINGS_FOR_RANKING - 1 ratings.
    ids.fewRatings = await article("few-ratings", "Few ratings");
    const few = await revision(ids.fewRatings, at("2026-10-01T00:00:00Z"));
    for (let i = 0; i < MIN_RATINGS_FOR_RANKING - 1; i++) await rate(ids.fewRatings, few, "sad", at("2026-11-20T10:00:00Z"));
    // Well liked, exactly at the threshold.
    ids.good = await article("well-liked", "Well liked");
    const good = await revision(ids.good, at("2026-10-01T00:00:00Z"));
    for (let i = 0; i < MIN_RATINGS_FOR_RANKING; i++) await rate(ids.good, good, i === 0 ? "normal" : "happy", at("2026-11-21T10:00:00Z"));
    await t.db.articleViewDay.create({ data: { articleId: ids.good, day: "2026-11-20", count: 40 } });
    // Deleted articles stay out of every site-wide list.
    ids.deleted = await article("deleted-one", "Deleted one", true);
    const del = await revision(ids.deleted, at("2026-10-01T00:00:00Z"));
    for (let i = 0; i < 6; i++) await rate(ids.deleted, del, "sad", at("2026-11-22T10:00:00Z"), i === 0 ? "Newest but deleted" : undefined);
    await t.db.articleViewDay.create({ data: { articleId: ids.deleted, day: "2026-11-20", count: 999 } });
  });
  afterAll(() => t.dispose());

  it("counts, shares and scores one article's ratings", async () => {
    const insights = await getArticleFeedbackInsights(ctx(), ids.main, NOW);
    expect(insights.counts).toEqual({ happy: 7, normal: 2, sad: 2 });
    expect(insights.total).toBe(11);
    expect(insights.shares).toEqual({ happy: 64, normal: 18, sad: 18 });
    expect(insights.score).toBe(73); // (7 × 100 + 2 × 50) / 11
    expect(insights.viewsLast30Days).toBe(12);
    expect(insights.ratingsWithoutRevision).toBe(0);
  });

  it("puts each vote in the week of its latest change, over the last 12 weeks", async () => {
    const { trend } = await getArticleFeedbackInsights(ctx(), ids.main, NOW);
    expect(trend).toHaveLength(TREND_WEEKS);
    expect(trend[0]?.weekStart.toISOString()).toBe("2026-09-07T00:00:00.000Z");
    expect(trend.at(-1)?.weekStart.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    const byWeek = Object.fromEntries(trend.filter((w) => w.total > 0).map((w) => [w.weekStart.toISOString().slice(0, 10), w.counts]));
    expect(byWeek).toEqual({
      "2026-10-05": { happy: 2, normal: 0, sad: 0 },
      "2026-10-12": { happy: 1, normal: 1, sad: 0 },
      "2026-10-19": { happy: 0, normal: 0, sad: 1 },
      "2026-10-26": { happy: 0, normal: 0, sad: 1 },
      "2026-11-02": { happy: 2, normal: 0, sad: 0 },
      "2026-11-09": { happy: 1, normal: 0, sad: 0 },
      "2026-11-23": { happy: 1, normal: 1, sad: 0 },
    });
    expect(trend.find((w) => w.weekStart.toISOString().startsWith("2026-10-12"))?.score).toBe(75);
    expect(trend[0]?.score).toBeNull();
  });

  it("adds up every article's votes in the site-wide trend, leaving out deleted articles", async () => {
    const trend = await getWeeklyTrend(ctx(), {}, NOW);
    const week = (iso: string) => trend.find((w) => w.weekStart.toISOString().startsWith(iso))?.counts;
    // The week of 16 Nov: few-ratings' four Sad (20 Nov) and well-liked's 1 Normal + 4 Happy (21 Nov); not the deleted article's six Sad (22 Nov).
    expect(week("2026-11-16")).toEqual({ happy: 4, normal: 1, sad: 4 });
  });

  it("scores each revision in publish order with the change the edit made", async () => {
    const { revisions } = await getArticleFeedbackInsights(ctx(), ids.main, NOW);
    expect(revisions.map((r) => [r.id, r.score, r.total, r.change, r.previous?.id ?? null, r.isPublished])).toEqual([
      [ids.revA, 58, 6, null, null, false], // (3 × 100 + 50) / 6
      [ids.revB, 90, 5, 32, ids.revA, true], // (4 × 100 + 50) / 5
    ]);
    expect(revisions[0]?.shares).toEqual({ happy: 50, normal: 17, sad: 33 });
  });

  it("lists the Sad comments newest first with the revision they were given on", async () => {
    const { sadComments, sadCommentCount } = await getArticleFeedbackInsights(ctx(), ids.main, NOW);
    expect(sadCommentCount).toBe(2);
    expect(sadComments.map((c) => [c.comment, c.revision?.id])).toEqual([
      ["Screenshots are out of date", ids.revA],
      ["It does not say where the setting is", ids.revA],
    ]);
  });

  it(`ranks the lowest-rated articles with at least ${MIN_RATINGS_FOR_RANKING} ratings, leaving out deleted ones`, async () => {
    const rows = await lowestRatedArticles(ctx());
    expect(rows.map((r) => [r.slug, r.score, r.total])).toEqual([
      ["forward-email", 73, 11],
      ["well-liked", 90, 5],
    ]);
    // Ratings on the revision customers see now, beside the all-time numbers.
    expect(rows[0]?.current).toMatchObject({ total: 5, score: 90 });
    expect((await lowestRatedArticles(ctx(), { minRatings: 4 })).map((r) => r.slug)).toEqual(["few-ratings", "forward-email", "well-liked"]);
  });

  it("ranks the most viewed articles over the last 30 days", async () => {
    const rows = await mostViewedArticles(ctx(), { now: NOW });
    expect(rows.map((r) => [r.slug, r.views, r.score])).toEqual([
      ["well-liked", 40, 90],
      ["forward-email", 12, 73],
    ]);
  });

  it("lists recent Sad comments across articles, newest first", async () => {
    const rows = await recentSadComments(ctx(), { limit: 5 });
    expect(rows.map((r) => [r.article.slug, r.comment])).toEqual([
      ["forward-email", "Screenshots are out of date"],
      ["forward-email", "It does not say where the setting is"],
    ]);
  });

  it("compares the last 30 days with the 30 before on the overview", async () => {
    await t.db.contactRequest.createMany({
      data: [
        { name: "A", email: "a@example.com", message: "Help" },
        { name: "B", email: "b@example.com", message: "Help", status: "handled" },
      ],
    });
    await t.db.searchEvent.createMany({
      data: [
        { query: "dkim", resultCount: 0, createdAt: at("2026-11-20T10:00:00Z") },
        { query: "dkim", resultCount: 0, createdAt: at("2026-11-21T10:00:00Z") },
        { query: "spf flattening", resultCount: 0, createdAt: at("2026-11-22T10:00:00Z") },
        { query: "imap", resultCount: 4, createdAt: at("2026-11-22T10:00:00Z") },
        { query: "old", resultCount: 0, createdAt: at("2026-09-01T10:00:00Z") },
      ],
    });
    const overview = await getStaffOverview(ctx(), NOW);
    // Since 26 Oct 12:00: the Sad changed on 27 Oct, B's five, few-ratings' four Sad, well-liked's five.
    expect(overview.recent.counts).toEqual({ happy: 8, normal: 2, sad: 5 });
    // 26 Sep to 26 Oct: A's five other votes.
    expect(overview.before.counts).toEqual({ happy: 3, normal: 1, sad: 1 });
    expect(overview.recent.score).toBe(60);
    expect(overview.before.score).toBe(70);
    expect(overview.scoreChange).toBe(-10);
    expect(overview.openContactRequests).toBe(1);
    expect(overview.searchesWithoutResults).toEqual({
      count: 3,
      topQueries: [
        { query: "dkim", count: 2 },
        { query: "spf flattening", count: 1 },
      ],
    });
    expect(overview.views.recent).toBe(52);
  });

  it("refuses anonymous callers for every dashboard", async () => {
    const anonymous = { db: t.db, actor: null };
    await expect(getArticleFeedbackInsights(anonymous, ids.main, NOW)).rejects.toMatchObject({ status: 401 });
    await expect(lowestRatedArticles(anonymous)).rejects.toMatchObject({ status: 401 });
    await expect(mostViewedArticles(anonymous)).rejects.toMatchObject({ status: 401 });
    await expect(recentSadComments(anonymous)).rejects.toMatchObject({ status: 401 });
    await expect(getStaffOverview(anonymous, NOW)).rejects.toMatchObject({ status: 401 });
    await expect(getWeeklyTrend(anonymous, {}, NOW)).rejects.toMatchObject({ status: 401 });
  });

  it("answers 404 for an article that does not exist", async () => {
    await expect(getArticleFeedbackInsights(ctx(), "no-such-article", NOW)).rejects.toMatchObject({ status: 404 });
  });
});
