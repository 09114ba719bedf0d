// Article history against a real database: the list, comparing two revisions, and restoring one.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { publishContent } from "@/lib/articles/publishing";
import { revalidateCustomerPages } from "@/lib/articles/revalidate";
import { diffRevisions, listRevisions, restoreRevision } from "@/lib/articles/revisions";
import { createStaffUser } from "@/lib/staff/users";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

// Cache invalidation needs a running Next.js server; here we only check it is asked for.
vi.mock("@/lib/articles/revalidate", () => ({ revalidateCustomerPages: vi.fn() }));

const bodyA = "## Set up the forwarder\n\nOpen **Settings**.\nChoose Forwarding.\nSave.\n";
const bodyB = "## Set up the forwarder\n\nOpen **Settings** in the control panel.\nChoose Forwarding.\nSave.\nWait five minutes.\n";

describe.each(providers.filter((p) => p.available))("article revisions on $name", ({ name }) => {
  let t: TestDatabase;
  let ada: Actor;
  let grace: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(name);
    await t.db.category.createMany({
      data: [
        { slug: "email", name: "Email", description: "Mailboxes and forwarding." },
        { slug: "domains", name: "Domains", description: "Names and DNS records." },
      ],
    });
    const a = await createStaffUser(t.db, { email: "ada@example.com", name: "Ada Lovelace", role: "editor", password: "a long enough passphrase" });
    const g = await createStaffUser(t.db, { email: "grace@example.com", name: "Grace Hopper", role: "editor", password: "a long enough passphrase" });
    ada = { ...a, role: "editor" };
    grace = { ...g, role: "editor" };
  });
  afterAll(() => t.dispose());
  beforeEach(() => vi.mocked(revalidateCustomerPages).mockClear());

  const content = (
    slug: string,
    over: Partial<{ title: string; body: string; tags: string[]; related: string[]; categorySlug: string; audience: "public" | "internal" }> = {},
  ) => ({
    slug,
    title: "Forward your email",
    description: "How to send a copy of every message to another address.",
    categorySlug: "email",
    tags: ["forwarding"],
    related: [] as string[],
    audience: "public" as const,
    body: bodyA,
    ...over,
  });

  /** An article with two revisions: A by Ada on 3 Nov 2026, then B by Grace on 10 Nov 2026. */
  async function articleWithTwoRevisions(slug: string, relatedInA: string[] = []) {
    const article = await t.db.article.create({
      data: { slug, title: "x", description: "x", categorySlug: "email", contentUpdatedAt: new Date() },
      select: { id: true },
    });
    const a = await publishContent(t.db, { articleId: article.id, content: content(slug, { related: relatedInA }), actor: ada, expectedHeadRevisionId: null });
    await t.db.articleRevision.update({ where: { id: a.revisionId }, data: { createdAt: new Date("2026-11-03T09:30:00Z") } });
    const b = await publishContent(t.db, {
      articleId: article.id,
      content: content(slug, { title: "Forward your email to another address", tags: ["forwarding", "email"], body: bodyB }),
      actor: grace,
      expectedHeadRevisionId: a.revisionId,
    });
    await t.db.articleRevision.update({ where: { id: b.revisionId }, data: { createdAt: new Date("2026-11-10T15:05:00Z") } });
    return { articleId: article.id, a: a.revisionId, b: b.revisionId };
  }

  it("lists every revision newest first with who, what changed and its ratings", async () => {
    const { articleId, a, b } = await articleWithTwoRevisions("forward-list");
    await t.db.feedback.createMany({
      data: [
        { articleId, revisionId: a, visitorId: "v1", rating: "sad" },
        { articleId, revisionId: a, visitorId: "v2", rating: "happy" },
        { articleId, revisionId: b, visitorId: "v3", rating: "happy" },
      ],
    });
    const history = await listRevisions({ db: t.db, actor: ada }, articleId);
    expect(history.article).toMatchObject({ slug: "forward-list", published: true, customersSeeIt: true });
    expect(history.revisions.map((r) => r.id)).toEqual([b, a]);
    const [newest, oldest] = history.revisions;
    expect(newest).toMatchObject({
      author: "Grace Hopper",
      changedFields: ["title", "tags"],
      linesAdded: 2,
      linesRemoved: 1,
      isPublished: true,
      isFirst: false,
      score: 100,
      totalRatings: 1,
    });
    expect(oldest).toMatchObject({ author: "Ada Lovelace", changedFields: [], linesAdded: 5, linesRemoved: 0, isPublished: false, isFirst: true, score: 50 });
    expect(oldest?.ratings).toEqual({ happy: 1, normal: 0, sad: 1 });
  });

  it("compares two revisions field by field and line by line", async () => {
    const { articleId, a, b } = await articleWithTwoRevisions("forward-diff");
    const diff = await diffRevisions({ db: t.db, actor: ada }, { articleId, from: a, to: b });
    expect(diff.fields).toEqual([
      { field: "title", label: "Title", kind: "text", before: "Forward your email", after: "Forward your email to another address" },
      { field: "tags", label: "Tags", kind: "list", before: ["forwarding"], after: ["forwarding", "email"], added: ["email"], removed: [] },
    ]);
    expect(diff.slugNote).toContain("/articles/forward-diff");
    expect(diff.body).toMatchObject({ added: 2, removed: 1 });
    const changed = diff.body.rows.filter((row) => row.kind === "added" || row.kind === "removed");
    expect(changed).toEqual([
      { kind: "removed", text: "Open **Settings**.", oldLine: 3, newLine: null },
      { kind: "added", text: "Open **Settings** in the control panel.", oldLine: null, newLine: 3 },
      { kind: "added", text: "Wait five minutes.", oldLine: null, newLine: 6 },
    ]);
    // Comparing a revision with itself shows nothing changed.
    const same = await diffRevisions({ db: t.db, actor: ada }, { articleId, from: b, to: b });
    expect(same.fields).toEqual([]);
    expect(same.body.rows).toEqual([]);
  });

  it("refuses to compare a revision of another article", async () => {
    const one = await articleWithTwoRevisions("forward-one");
    const other = await articleWithTwoRevisions("forward-other");
    await expect(diffRevisions({ db: t.db, actor: ada }, { articleId: one.articleId, from: one.a, to: other.b })).rejects.toMatchObject({ status: 404 });
    await expect(diffRevisions({ db: t.db, actor: ada }, { articleId: "no-such-article", from: one.a, to: one.b })).rejects.toMatchObject({ status: 404 });
  });

  it("restores an old revision as a new published revision and keeps the address", async () => {
    const { articleId, a, b } = await articleWithTwoRevisions("forward-restore");
    // Renamed since revision A was written: restoring must not bring the old address back.
    await t.db.article.update({ where: { id: articleId }, data: { slug: "forward-restore-renamed" } });
    const before = await t.db.articleRevision.count({ where: { articleId } });

    const result = await restoreRevision({ db: t.db, actor: grace }, { articleId, revisionId: a, baseRevisionId: b });

    expect(await t.db.articleRevision.count({ where: { articleId } })).toBe(before + 1);
    const article = await t.db.article.findUniqueOrThrow({ where: { id: articleId }, include: { publishedRevision: true } });
    expect(article.publishedRevisionId).toBe(result.revisionId);
    expect(article.slug).toBe("forward-restore-renamed");
    expect(article.title).toBe("Forward your email");
    expect(article.publishedRevision?.body).toBe(bodyA.trim());
    expect(article.publishedRevision?.note).toBe("Restored from the revision of 3 Nov 2026, 09:30 UTC by Ada Lovelace");
    expect(article.publishedRevision?.author).toBe("Grace Hopper");
    expect(revalidateCustomerPages).toHaveBeenCalledWith({
      slugs: ["forward-restore-renamed", "forward-restore-renamed"],
      categorySlugs: ["email"],
      leftCustomers: false,
    });

    const history = await listRevisions({ db: t.db, actor: grace }, articleId);
    expect(history.revisions[0]).toMatchObject({ id: result.revisionId, isPublished: true, note: result.note });
  });

  it("refuses to restore what customers already see", async () => {
    const { articleId, b } = await articleWithTwoRevisions("forward-current");
    await expect(restoreRevision({ db: t.db, actor: ada }, { articleId, revisionId: b, baseRevisionId: b })).rejects.toMatchObject({ status: 409 });
    expect(await t.db.articleRevision.count({ where: { articleId } })).toBe(2);
  });

  it("explains when an old revision relates to an article since removed, and can restore without it", async () => {
    const gone = await t.db.article.create({
      data: { slug: "old-webmail", title: "Old webmail", description: "x", categorySlug: "email", contentUpdatedAt: new Date() },
    });
    await publishContent(t.db, { articleId: gone.id, content: content("old-webmail", { title: "Old webmail" }), actor: ada, expectedHeadRevisionId: null });
    const { articleId, a, b } = await articleWithTwoRevisions("forward-related", ["old-webmail"]);
    await t.db.article.update({ where: { id: gone.id }, data: { deletedAt: new Date(), status: "archived" } });

    const refused = restoreRevision({ db: t.db, actor: ada }, { articleId, revisionId: a, baseRevisionId: b });
    await expect(refused).rejects.toMatchObject({
      status: 422,
      fields: { related: 'no published article has the slug "old-webmail"', missingRelated: "old-webmail" },
    });
    await expect(refused).rejects.toThrow(/Related articles: no published article has the slug "old-webmail"/);
    expect(await t.db.articleRevision.count({ where: { articleId } })).toBe(2);

    const result = await restoreRevision({ db: t.db, actor: ada }, { articleId, revisionId: a, baseRevisionId: b, dropMissingRelated: true });
    const restored = await t.db.articleRevision.findUniqueOrThrow({ where: { id: result.revisionId } });
    expect(restored.related).toBe("[]");
    expect(restored.note).toMatch(/without related articles that no longer exist \(old-webmail\)$/);
  });

  it("refuses a revision of another article and a deleted article, storing nothing", async () => {
    const one = await articleWithTwoRevisions("forward-mine");
    const other = await articleWithTwoRevisions("forward-theirs");
    await expect(restoreRevision({ db: t.db, actor: ada }, { articleId: one.articleId, revisionId: other.a, baseRevisionId: one.b })).rejects.toMatchObject({
      status: 404,
    });
    await t.db.article.update({ where: { id: other.articleId }, data: { deletedAt: new Date() } });
    await expect(restoreRevision({ db: t.db, actor: ada }, { articleId: other.articleId, revisionId: other.a, baseRevisionId: other.b })).rejects.toMatchObject(
      { status: 409 },
    );
    await expect(restoreRevision({ db: t.db, actor: ada }, { articleId: one.articleId, revisionId: "", baseRevisionId: one.b })).rejects.toThrow();
    expect(await t.db.articleRevision.count({ where: { articleId: { in: [one.articleId, other.articleId] } } })).toBe(4);
  });

  it("refuses anonymous callers everywhere, before reading anything", async () => {
    const { articleId, a, b } = await articleWithTwoRevisions("forward-anonymous");
    const anonymous = { db: t.db, actor: null };
    await expect(listRevisions(anonymous, articleId)).rejects.toMatchObject({ status: 401 });
    await expect(diffRevisions(anonymous, { articleId, from: a, to: b })).rejects.toMatchObject({ status: 401 });
    await expect(restoreRevision(anonymous, { articleId, revisionId: a, baseRevisionId: b })).rejects.toMatchObject({ status: 401 });
    expect(await t.db.articleRevision.count({ where: { articleId } })).toBe(2);
    expect(revalidateCustomerPages).not.toHaveBeenCalled();
  });
});
