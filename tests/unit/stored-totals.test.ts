// The stored totals (migration 20261211000000_stored_totals, lib/feedback/totals.ts) against a real
// database: whatever is written to Feedback and ArticleViewDay, and however, the totals the
// triggers keep equal what counting the rows gives, and the readers answer what counting would.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { noRatings, type RatingCounts } from "@/lib/feedback/score";
import { dayKey, deletedArticleIds, ratingsBetween, VIEW_WINDOW_DAYS, viewsBetween, viewWindowIsCurrent } from "@/lib/feedback/totals";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

const DAY = 86_400_000;
const RATINGS = ["happy", "normal", "sad"] as const;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

describe.each(providers.filter((p) => p.available))("stored totals on $name", ({ name }) => {
  let t: TestDatabase;
  const now = new Date();
  let articles: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(name);
    await t.db.category.create({ data: { slug: "email", name: "Email", description: "Mailboxes." } });
  });
  afterAll(() => t.dispose());

  beforeEach(async () => {
    await t.db.article.deleteMany();
    await t.db.dailyTotals.deleteMany();
    articles = [];
    for (let i = 0; i < 4; i++) {
      const row = await t.db.article.create({
        data: { slug: `a${i}`, title: `A${i}`, description: "d", categorySlug: "email", status: "published", contentUpdatedAt: now },
      });
      articles.push(row.id);
    }
  });

  /** What counting the source rows gives, for comparing with what the triggers kept. */
  async function recount() {
    const window = await t.db.totalsWindow.findUniqueOrThrow({ where: { id: 1 } });
    const perArticle = new Map<string, RatingCounts & { views30d: number }>();
    const entry = (id: string) => perArticle.get(id) ?? perArticle.set(id, { ...noRatings(), views30d: 0 }).get(id)!;
    const perDay = new Map<string, RatingCounts & { views: number }>();
    const day = (key: string) => perDay.get(key) ?? perDay.set(key, { ...noRatings(), views: 0 }).get(key)!;
    for (const vote of await t.db.feedback.findMany()) {
      entry(vote.articleId)[vote.rating as keyof RatingCounts] += 1;
      day(vote.updatedAt.toISOString().slice(0, 10))[vote.rating as keyof RatingCounts] += 1;
    }
    for (const view of await t.db.articleViewDay.findMany()) {
      if (view.day >= window.startDay) entry(view.articleId).views30d += view.count;
      day(view.day).views += view.count;
    }
    return { perArticle, perDay };
  }

  async function expectTotalsToMatchTheRows() {
    const { perArticle, perDay } = await recount();
    const stored = await t.db.articleTotals.findMany();
    const nonZero = <T extends Record<string, unknown>>(row: T) => Object.values(row).some((v) => typeof v === "number" && v !== 0);
    expect(Object.fromEntries(stored.filter(nonZero).map(({ articleId, ...rest }) => [articleId, rest]))).toEqual(Object.fromEntries(perArticle));
    const days = await t.db.dailyTotals.findMany();
    expect(Object.fromEntries(days.filter(nonZero).map(({ day, ...rest }) => [day, rest]))).toEqual(Object.fromEntries(perDay));
  }

  it("keeps each article's and each day's totals equal to counting the votes and views, whatever writes them", async () => {
    const pick = random(7);
    const when = () => new Date(now.getTime() - pick(40) * DAY - pick(DAY));
    for (let step = 0; step < 160; step++) {
      const articleId = articles[pick(articles.length)]!;
      const visitorId = `v${pick(12)}`;
      const rating = RATINGS[pick(3)]!;
      switch (pick(7)) {
        case 0: // a vote, or a changed vote, as recordFeedback writes it
        case 1: {
          const vote = { rating, updatedAt: when() };
          await t.db.feedback.upsert({ where: { articleId_visitorId: { articleId, visitorId } }, create: { articleId, visitorId, ...vote }, update: vote });
          break;
        }
        case 2: // the same vote again, the same day
          await t.db.feedback.updateMany({ where: { articleId, visitorId }, data: { rating } });
          break;
        case 3:
          await t.db.feedback.deleteMany({ where: { articleId, visitorId } });
          break;
        case 4: // a view, as recordView writes it
        case 5: {
          const day = dayKey(now, pick(40));
          await t.db.articleViewDay.upsert({
            where: { articleId_day: { articleId, day } },
            create: { articleId, day, count: 1 },
            update: { count: { increment: 1 } },
          });
          break;
        }
        default: // many at once, as imports and restores do
          await t.db.articleViewDay.deleteMany({ where: { articleId, day: dayKey(now, pick(40)) } });
          await t.db.feedback.createMany({ data: [{ articleId, visitorId: `bulk-${step}`, rating, updatedAt: when() }] });
      }
    }
    expect(await t.db.feedback.count()).toBeGreaterThan(10);
    expect(await t.db.articleViewDay.count()).toBeGreaterThan(10);
    await expectTotalsToMatchTheRows();

    // An article deleted for good takes its votes, views and totals row with it.
    await t.db.article.delete({ where: { id: articles[0]! } });
    expect(await t.db.articleTotals.findUnique({ where: { articleId: articles[0]! } })).toBeNull();
    await expectTotalsToMatchTheRows();
  });

  it("answers ratings and views between any two moments as counting the rows would, leaving out deleted articles", async () => {
    const pick = random(11);
    for (let i = 0; i < 120; i++) {
      const updatedAt = new Date(now.getTime() - pick(20) * DAY - pick(DAY));
      await t.db.feedback.create({ data: { articleId: articles[pick(4)]!, visitorId: `v${i}`, rating: RATINGS[pick(3)]!, updatedAt } });
    }
    for (let d = 0; d < 20; d++)
      for (const articleId of articles) await t.db.articleViewDay.create({ data: { articleId, day: dayKey(now, d), count: 1 + pick(9) } });
    await t.db.article.update({ where: { id: articles[1]! }, data: { deletedAt: now } });
    const deleted = await deletedArticleIds(t.db);
    expect(deleted).toEqual([articles[1]]);

    const votes = await t.db.feedback.findMany({ where: { articleId: { not: articles[1]! } } });
    const counted = (from: Date, to: Date) => {
      const counts = noRatings();
      for (const vote of votes) if (vote.updatedAt >= from && vote.updatedAt < to) counts[vote.rating as keyof RatingCounts] += 1;
      return counts;
    };
    const ranges: [Date, Date][] = [
      [new Date(now.getTime() - 30 * DAY), new Date(now.getTime() + 1)], // the overview's last 30 days: mid-day to now
      [new Date(now.getTime() - 7.25 * DAY), new Date(now.getTime() - 2.5 * DAY)],
      [new Date(now.getTime() - 3 * DAY), new Date(now.getTime() - 3 * DAY + 3_600_000)], // within a day
    ];
    for (let i = 0; i < 6; i++) {
      const from = new Date(now.getTime() - pick(21) * DAY - pick(DAY));
      ranges.push([from, new Date(from.getTime() + pick(15) * DAY + pick(DAY))]);
    }
    const midnight = new Date(dayKey(now));
    ranges.push([new Date(midnight.getTime() - 7 * DAY), midnight]); // whole days, as the trend's weeks
    for (const [from, to] of ranges)
      expect(await ratingsBetween(t.db, from, to, deleted), `${from.toISOString()} – ${to.toISOString()}`).toEqual(counted(from, to));

    const views = await t.db.articleViewDay.findMany({ where: { articleId: { not: articles[1]! } } });
    for (const [after, last] of [
      [dayKey(now, 30), dayKey(now)],
      [dayKey(now, 12), dayKey(now, 4)],
    ] as const) {
      expect(await viewsBetween(t.db, after, last, deleted)).toBe(views.filter((v) => v.day > after && v.day <= last).reduce((sum, v) => sum + v.count, 0));
    }
  });

  it("moves the 30-day window forward on a new day, recounting each article's views, and never back", async () => {
    const [first, second] = articles as [string, string];
    // The window as a server left it a few days ago.
    await t.db.totalsWindow.update({ where: { id: 1 }, data: { startDay: dayKey(now, VIEW_WINDOW_DAYS + 2) } });
    await t.db.articleViewDay.createMany({
      data: [
        { articleId: first, day: dayKey(now, VIEW_WINDOW_DAYS + 1), count: 100 }, // counted then, outside now
        { articleId: first, day: dayKey(now, VIEW_WINDOW_DAYS - 1), count: 5 }, // the window's first day
        { articleId: second, day: dayKey(now), count: 3 },
      ],
    });
    expect((await t.db.articleTotals.findUniqueOrThrow({ where: { articleId: first } })).views30d).toBe(105);

    expect(await viewWindowIsCurrent(t.db, now)).toBe(true);
    expect((await t.db.totalsWindow.findUniqueOrThrow({ where: { id: 1 } })).startDay).toBe(dayKey(now, VIEW_WINDOW_DAYS - 1));
    expect((await t.db.articleTotals.findUniqueOrThrow({ where: { articleId: first } })).views30d).toBe(5);
    expect((await t.db.articleTotals.findUniqueOrThrow({ where: { articleId: second } })).views30d).toBe(3);

    // A view today counts at once; one for a day before the window does not.
    await t.db.articleViewDay.create({ data: { articleId: second, day: dayKey(now, VIEW_WINDOW_DAYS), count: 50 } });
    await t.db.articleViewDay.update({ where: { articleId_day: { articleId: second, day: dayKey(now) } }, data: { count: { increment: 1 } } });
    expect((await t.db.articleTotals.findUniqueOrThrow({ where: { articleId: second } })).views30d).toBe(4);

    // A moment in an earlier window is not what is stored: callers count the rows instead.
    expect(await viewWindowIsCurrent(t.db, new Date(now.getTime() - 3 * DAY))).toBe(false);
    expect((await t.db.totalsWindow.findUniqueOrThrow({ where: { id: 1 } })).startDay).toBe(dayKey(now, VIEW_WINDOW_DAYS - 1));
    await expectTotalsToMatchTheRows();
  });

  it("loses no vote when many visitors vote on one article at the same moment", async () => {
    const articleId = articles[2]!;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const vote = { rating: RATINGS[i % 3]!, updatedAt: now };
        return t.db.feedback.upsert({
          where: { articleId_visitorId: { articleId, visitorId: `crowd-${i}` } },
          create: { articleId, visitorId: `crowd-${i}`, ...vote },
          update: vote,
        });
      }),
    );
    expect(await t.db.articleTotals.findUniqueOrThrow({ where: { articleId }, select: { happy: true, normal: true, sad: true } })).toEqual({
      happy: 14,
      normal: 13,
      sad: 13,
    });
    await expectTotalsToMatchTheRows();
  });
});
