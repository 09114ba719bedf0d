// Search insights, the gap backlog and the contact inbox against a real database: the numbers and
// groups staff see for seeded searches, comments and requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getBacklog, groupNoResultQueries, type MissingArticleItem } from "@/lib/staff/backlog";
import { listContactRequests, setContactHandled } from "@/lib/staff/inbox";
import { getSearchInsights, parsePeriod } from "@/lib/staff/search-insights";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

const NOW = new Date("2026-11-25T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe("parsing the period", () => {
  it("accepts 7, 30 and 90 days and falls back to 30", () => {
    expect([parsePeriod("7"), parsePeriod("90"), parsePeriod(["30"]), parsePeriod("12"), parsePeriod(undefined), parsePeriod("x")]).toEqual([
      7, 90, 30, 30, 30, 30,
    ]);
  });
});

describe("grouping searches that found nothing", () => {
  const searches = (list: [string, number][]) => list.flatMap(([query, count]) => Array.from({ length: count }, () => ({ query, at: daysAgo(1) })));
  const groups = (list: [string, number][]) =>
    groupNoResultQueries(searches(list), NOW).map((g: MissingArticleItem) => ({
      title: g.title,
      customers: g.customers,
      queries: g.queries.map((q) => q.query),
    }));

  it("puts wordings and typos of one need together, led by the most searched", () => {
    expect(
      groups([
        ["dkim setup", 5],
        ["dkim", 3],
        ["dkim record", 2],
        ["dkmi", 1],
        ["how to set up dkim", 1],
        ["mx record", 2],
        ["spf", 1],
      ]),
    ).toEqual([
      { title: "dkim setup", customers: 12, queries: ["dkim setup", "dkim", "dkim record", "dkmi", "how to set up dkim"] },
      { title: "mx record", customers: 2, queries: ["mx record"] },
      { title: "spf", customers: 1, queries: ["spf"] },
    ]);
  });

  it("does not chain different needs through a shared query", () => {
    const result = groups([
      ["dkim", 4],
      ["spf", 3],
      ["dkim spf", 1],
      ["spf record", 1],
    ]);
    expect(result).toEqual([
      { title: "dkim", customers: 5, queries: ["dkim", "dkim spf"] },
      { title: "spf", customers: 4, queries: ["spf", "spf record"] },
    ]);
  });
});

describe.each(providers.filter((p) => p.available))("search insights, backlog and inbox on $name", ({ name }) => {
  let t: TestDatabase;
  const editor: Actor = { id: "", email: "eve@example.com", name: "Eve Editor", role: "editor" };
  const ctx = () => ({ db: t.db, actor: editor });
  const anonymous = () => ({ db: t.db, actor: null });
  const ids = { forward: "", mx: "" };

  async function search(query: string, resultCount: number, createdAt: Date, openedSlug: string | null = null, times = 1) {
    await t.db.searchEvent.createMany({ data: Array.from({ length: times }, () => ({ query, resultCount, openedSlug, createdAt })) });
  }

  beforeAll(async () => {
    t = await createTestDatabase(name);
    editor.id = (await t.db.staffUser.create({ data: { email: editor.email, name: editor.name, role: "editor", passwordHash: "x" } })).id;
    await t.db.category.create({ data: { slug: "email", name: "Email", description: "Mailboxes." } });
    for (const [key, slug, title] of [
      ["forward", "forward-email", "Forward your email"],
      ["mx", "mx-records", "MX records"],
    ] as const) {
      ids[key] = (await t.db.article.create({ data: { slug, title, description: "d", categorySlug: "email", status: "published", contentUpdatedAt: NOW } })).id;
    }

    // Last 7 days: "imap" ×4 (3 opened), "dkim setup" ×3 and "dkmi" ×1 found nothing, "forward" ×2 found but never opened.
    await search("imap", 5, daysAgo(1), "mx-records", 3);
    await search("imap", 5, daysAgo(2));
    await search("dkim setup", 0, daysAgo(1), null, 3);
    await search("dkmi", 0, daysAgo(3));
    await search("forward", 2, daysAgo(6.9), null, 2);
    // 7 to 30 days ago: "imap" ×2 opened, "dkim" ×1 nothing; just outside 7 days.
    await search("imap", 5, daysAgo(7.01), "mx-records", 2);
    await search("dkim", 0, daysAgo(20));
    // Older than 30 days, inside 90: "vacation reply" ×5 nothing.
    await search("vacation reply", 0, daysAgo(30.01), null, 5);
    // Older than 90 days: never counted.
    await search("imap", 0, daysAgo(90.01), null, 10);

    const rate = (articleId: string, rating: string, comment: string | null, at: Date, n: number) =>
      t.db.feedback.create({
        data: {
          articleId,
          visitorId: `v-${articleId}-${n}`,
          rating,
          createdAt: at,
          updatedAt: at,
          ...(comment ? { comments: { create: { body: comment, createdAt: at } } } : {}),
        },
      });
    await rate(ids.forward, "sad", "Which menu is the setting in?", daysAgo(2), 1);
    await rate(ids.forward, "sad", "Screenshots are old\nand the button moved", daysAgo(4), 2);
    await rate(ids.forward, "sad", null, daysAgo(1), 3); // Sad without a comment: no evidence to show
    await rate(ids.forward, "happy", null, daysAgo(1), 4);
    await rate(ids.mx, "sad", "Too long ago to count", daysAgo(91), 5);
  });
  afterAll(() => t.dispose());

  it("shows the last 7 days: totals, top queries, no-result queries and unopened results", async () => {
    const insights = await getSearchInsights(ctx(), 7, NOW);
    expect(insights.totals).toEqual({ searches: 10, noResults: 4, opened: 3, noResultShare: 40, openedShare: 30 });
    expect(insights.top.map((r) => [r.query, r.searches, r.withResultsShare, r.openedShare])).toEqual([
      ["imap", 4, 100, 75],
      ["dkim setup", 3, 0, 0],
      ["forward", 2, 100, 0],
      ["dkmi", 1, 0, 0],
    ]);
    expect(insights.noResults.map((r) => [r.query, r.noResultSearches, r.lastSeen.toISOString()])).toEqual([
      ["dkim setup", 3, daysAgo(1).toISOString()],
      ["dkmi", 1, daysAgo(3).toISOString()],
    ]);
    expect(insights.notOpened.map((r) => [r.query, r.withResults, r.notOpenedSearches])).toEqual([
      ["forward", 2, 2],
      ["imap", 4, 1],
    ]);
  });

  it("widens to 30 and 90 days, and never counts older searches", async () => {
    const month = await getSearchInsights(ctx(), 30, NOW);
    expect(month.totals).toMatchObject({ searches: 13, noResults: 5, opened: 5 });
    expect(month.top[0]).toMatchObject({ query: "imap", searches: 6, openedShare: 83 });
    const quarter = await getSearchInsights(ctx(), 90, NOW);
    expect(quarter.totals).toMatchObject({ searches: 18, noResults: 10 });
    expect(quarter.noResults.map((r) => [r.query, r.noResultSearches])).toEqual([
      ["vacation reply", 5],
      ["dkim setup", 3],
      ["dkmi", 1], // as often as "dkim", but seen more recently
      ["dkim", 1],
    ]);
  });

  it("ranks the backlog: one DKIM item for its variants, the article with Sad comments, older needs lower", async () => {
    const items = await getBacklog(ctx(), NOW);
    expect(items.map((item) => [item.kind, item.title, item.customers])).toEqual([
      ["missing", "dkim setup", 5],
      ["missing", "vacation reply", 5],
      ["fix", "Forward your email", 2],
    ]);
    const [dkim, , article] = items;
    expect(dkim).toMatchObject({
      queries: [
        { query: "dkim setup", count: 3 },
        { query: "dkmi", count: 1 },
        { query: "dkim", count: 1 },
      ],
      writeHref: "/staff/articles/new?title=dkim%20setup",
    });
    expect(article).toMatchObject({
      published: false, // seeded without a published revision: no customer link to show
      editHref: `/staff/articles/${ids.forward}`,
      viewHref: "/articles/forward-email",
      comments: [{ text: "Which menu is the setting in?" }, { text: "Screenshots are old\nand the button moved" }],
    });
  });

  it("lists contact requests newest first, marks one handled by the editor and reopens it", async () => {
    const older = await t.db.contactRequest.create({
      data: { name: "Ann", email: "ann@example.com", message: "First\nline two", articleId: ids.mx, createdAt: daysAgo(2) },
    });
    const newer = await t.db.contactRequest.create({ data: { name: "Bob", email: "bob@example.com", message: "<b>Help</b>", createdAt: daysAgo(1) } });

    const open = await listContactRequests(ctx(), "open");
    expect(open.counts).toEqual({ open: 2, handled: 0, spam: 0, all: 2 });
    expect(open.requests.map((r) => [r.name, r.message, r.article?.slug ?? null])).toEqual([
      ["Bob", "<b>Help</b>", null],
      ["Ann", "First\nline two", "mx-records"],
    ]);

    await setContactHandled(ctx(), { id: older.id, handled: true });
    const row = await t.db.contactRequest.findUniqueOrThrow({ where: { id: older.id } });
    expect(row).toMatchObject({ status: "handled", handledById: editor.id });
    expect(row.handledAt).toBeInstanceOf(Date);
    // The MX article has no published revision: staff get the editor link, not a dead customer link.
    const handled = await listContactRequests(ctx(), "handled");
    expect(handled.requests).toEqual([
      expect.objectContaining({ id: older.id, handledBy: "Eve Editor", article: { id: ids.mx, slug: "mx-records", title: "MX records", published: false } }),
    ]);
    expect((await listContactRequests(ctx(), "open")).requests.map((r) => r.id)).toEqual([newer.id]);

    await setContactHandled(ctx(), { id: older.id, handled: false });
    expect(await t.db.contactRequest.findUniqueOrThrow({ where: { id: older.id } })).toMatchObject({ status: "open", handledAt: null, handledById: null });
    await expect(setContactHandled(ctx(), { id: "no-such-request", handled: true })).rejects.toMatchObject({ status: 404 });
  });

  it("refuses anonymous callers everywhere, changing nothing", async () => {
    const request = await t.db.contactRequest.create({ data: { name: "Cy", email: "cy@example.com", message: "Please help me" } });
    await expect(getSearchInsights(anonymous(), 7, NOW)).rejects.toMatchObject({ status: 401 });
    await expect(getBacklog(anonymous(), NOW)).rejects.toMatchObject({ status: 401 });
    await expect(listContactRequests(anonymous(), "all")).rejects.toMatchObject({ status: 401 });
    await expect(setContactHandled(anonymous(), { id: request.id, handled: true })).rejects.toMatchObject({ status: 401 });
    expect(await t.db.contactRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "open", handledById: null });
  });
});
