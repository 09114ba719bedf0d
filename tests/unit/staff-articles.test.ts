// The staff article list, drafts and publishing, against a real database built by the migrations.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor, StaffContext } from "@/lib/auth/roles";
import { createArticle, getEditorState } from "@/lib/articles/editor";
import { listStaffArticles } from "@/lib/articles/list";
import { slugFromTitle } from "@/lib/articles/slugs";
import { ContentProblemsError, NewerVersionError, publishArticle } from "@/lib/articles/publishing";
import { archiveArticle, deleteArticle, restoreDeletedArticle, unpublishArticle } from "@/lib/articles/status";
import { discardDraft, saveDraft } from "@/lib/articles/drafts";
import { createStaffUser } from "@/lib/staff/users";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";
import { DRAFT_BODY, draftContent } from "../support/draft-content";

// Outside Next.js there are no cached pages to drop; the test checks which ones would be.
const revalidated = vi.hoisted(() => [] as { slugs: string[]; categorySlugs: string[]; leftCustomers?: boolean }[]);
vi.mock("@/lib/articles/revalidate", () => ({
  revalidateCustomerPages: (pages: { slugs: string[]; categorySlugs: string[]; leftCustomers?: boolean }) => revalidated.push(pages),
}));

const validBody = DRAFT_BODY;

const contentFor = draftContent;

describe.each(providers.filter((p) => p.available))("staff articles on $name", ({ name }) => {
  let t: TestDatabase;
  let alice: StaffContext;
  let bob: StaffContext;
  let anonymous: StaffContext;

  const actorFor = async (who: string): Promise<Actor> => {
    const user = await createStaffUser(t.db, {
      email: `${who}-${Math.random().toString(36).slice(2, 8)}@example.com`,
      name: who,
      role: "editor",
      password: "a long enough passphrase",
    });
    return { ...user, role: "editor" };
  };

  beforeAll(async () => {
    t = await createTestDatabase(name);
    await t.db.category.createMany({
      data: [
        { slug: "email", name: "Email", description: "Mailboxes and forwarding", position: 1 },
        { slug: "domains", name: "Domains", description: "Names and DNS", position: 2 },
      ],
    });
    alice = { db: t.db, actor: await actorFor("Alice") };
    bob = { db: t.db, actor: await actorFor("Bob") };
    anonymous = { db: t.db, actor: null };
  });
  afterAll(() => t.dispose());
  beforeEach(() => {
    revalidated.length = 0;
  });

  /** A new article published once by Alice, as an editor would leave it. */
  async function publishedArticle(title: string, categorySlug = "email") {
    const created = await createArticle(alice, { title, categorySlug });
    const slug = created.slug;
    const published = await publishArticle(alice, { articleId: created.id, baseRevisionId: null, content: contentFor(slug, { title, categorySlug }) });
    return { id: created.id, slug, revisionId: published.revisionId };
  }

  it("refuses anonymous callers before reading anything", async () => {
    await expect(listStaffArticles(anonymous, { sort: "updated", order: "desc" })).rejects.toMatchObject({ status: 401 });
    await expect(createArticle(anonymous, { title: "Sneaky article", categorySlug: "email" })).rejects.toMatchObject({ status: 401 });
    await expect(saveDraft(anonymous, { articleId: "x", version: 0, baseRevisionId: null, content: contentFor("x") })).rejects.toMatchObject({ status: 401 });
    await expect(publishArticle(anonymous, { articleId: "x", baseRevisionId: null, content: contentFor("x") })).rejects.toMatchObject({ status: 401 });
    await expect(deleteArticle(anonymous, { articleId: "x" })).rejects.toMatchObject({ status: 401 });
    expect(await t.db.article.count({ where: { title: "Sneaky article" } })).toBe(0);
  });

  it("creates an unpublished article with a unique slug and a draft the editor opens on", async () => {
    const first = await createArticle(alice, { title: "Reset your password!", categorySlug: "email" });
    const second = await createArticle(alice, { title: "Reset your password?", categorySlug: "email" });
    expect(first.slug).toBe("reset-your-password");
    expect(second.slug).toBe("reset-your-password-2");
    expect(first.status).toBe("draft");
    const state = await getEditorState(alice, first.id);
    expect(state.version).toBe(1);
    expect(state.head).toBeNull();
    expect(state.content).toMatchObject({ title: "Reset your password!", slug: "reset-your-password", categorySlug: "email", body: "" });
    await expect(createArticle(alice, { title: "Nowhere", categorySlug: "no-such" })).rejects.toMatchObject({ status: 422 });
    expect(slugFromTitle("Café & DNS — über (2026)")).toBe("cafe-dns-uber-2026");
  });

  it("saves any draft, but refuses oversized fields and stores nothing", async () => {
    const { id } = await createArticle(alice, { title: "Half-written article", categorySlug: "email" });
    const saved = await saveDraft(alice, {
      articleId: id,
      version: 1,
      baseRevisionId: null,
      content: contentFor("half-written-article", { body: "<Tip>not closed yet" }),
    });
    expect(saved).toMatchObject({ saved: true, version: 2 });
    await expect(
      saveDraft(alice, { articleId: id, version: 2, baseRevisionId: null, content: contentFor("x", { title: "t".repeat(301) }) }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      saveDraft(alice, { articleId: id, version: 2, baseRevisionId: null, content: contentFor("x", { body: "b".repeat(200_001) }) }),
    ).rejects.toMatchObject({ status: 422 });
    const draft = await t.db.articleDraft.findUniqueOrThrow({ where: { articleId: id } });
    expect(draft).toMatchObject({ version: 2, body: "<Tip>not closed yet" });
  });

  it("never overwrites a draft someone else saved meanwhile: the conflict carries their text", async () => {
    const { id } = await createArticle(alice, { title: "Shared draft", categorySlug: "email" });
    expect(
      await saveDraft(bob, { articleId: id, version: 1, baseRevisionId: null, content: contentFor("shared-draft", { body: "Bob's words" }) }),
    ).toMatchObject({ saved: true, version: 2 });
    const result = await saveDraft(alice, { articleId: id, version: 1, baseRevisionId: null, content: contentFor("shared-draft", { body: "Alice's words" }) });
    expect(result).toMatchObject({ saved: false, conflict: { version: 2, updatedBy: "Bob", content: { body: "Bob's words" } } });
    expect((await t.db.articleDraft.findUniqueOrThrow({ where: { articleId: id } })).body).toBe("Bob's words");
    // Having seen Bob's version, Alice may choose to save hers over it.
    expect(
      await saveDraft(alice, { articleId: id, version: 2, baseRevisionId: null, content: contentFor("shared-draft", { body: "Alice's words" }) }),
    ).toMatchObject({ saved: true, version: 3 });
    await expect(discardDraft(bob, { articleId: id, version: 2 })).rejects.toMatchObject({ status: 409 });
    expect(await discardDraft(bob, { articleId: id, version: 3 })).toEqual({ discarded: true });
  });

  it("refuses invalid content with its line numbers and stores nothing", async () => {
    const { id } = await createArticle(alice, { title: "Invalid article", categorySlug: "email" });
    const body = "Intro.\n\n## Steps\n\n<script>alert(1)</script>\n\nMore text.\n\n<Tip>never closed\n";
    const error = await publishArticle(alice, {
      articleId: id,
      baseRevisionId: null,
      content: contentFor("invalid-article", { body, description: "short", categorySlug: "nope" }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentProblemsError);
    const problems = (error as ContentProblemsError).problems;
    expect((error as ContentProblemsError).status).toBe(422);
    expect(problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "description" }), expect.objectContaining({ field: "body", line: expect.any(Number) })]),
    );
    const scriptOnly = await publishArticle(alice, {
      articleId: id,
      baseRevisionId: null,
      content: contentFor("invalid-article", { body: "Intro.\n\n## Steps\n\n<script>alert(1)</script>\n" }),
    }).catch((e: unknown) => e);
    expect((scriptOnly as ContentProblemsError).problems).toEqual([
      expect.objectContaining({ field: "body", line: 5, message: expect.stringContaining("<script>") }),
    ]);
    expect(await t.db.articleRevision.count({ where: { articleId: id } })).toBe(0);
    expect((await t.db.article.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
    expect(revalidated).toEqual([]);
  });

  it("publishes, refreshes customers' pages, and refuses to overwrite a newer version unseen", async () => {
    const { id, slug, revisionId } = await publishedArticle("Change your MX records");
    expect(revalidated.at(-1)).toEqual({ slugs: expect.arrayContaining([slug]), categorySlugs: ["email"], leftCustomers: false });
    expect(await t.db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "published", publishedRevisionId: revisionId });
    // A working slug customers never saw leaves no redirect behind.
    expect(await t.db.slugRedirect.count({ where: { articleId: id } })).toBe(0);

    // Both open the article at the same revision; Bob publishes first.
    const bobs = await publishArticle(bob, {
      articleId: id,
      baseRevisionId: revisionId,
      content: contentFor(slug, { title: "Change your MX records", body: "Bob's version." }),
    });
    const error = await publishArticle(alice, {
      articleId: id,
      baseRevisionId: revisionId,
      content: contentFor(slug, { title: "Change your MX records", body: "Alice's version." }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewerVersionError);
    expect((error as NewerVersionError).theirs).toMatchObject({ revisionId: bobs.revisionId, author: "Bob", content: { body: "Bob's version.", slug } });
    expect((await t.db.articleRevision.findFirstOrThrow({ where: { articleId: id }, orderBy: { createdAt: "desc" } })).body).toBe("Bob's version.");

    // Having seen Bob's version, Alice publishes hers over it; the history says so.
    const alices = await publishArticle(alice, {
      articleId: id,
      baseRevisionId: bobs.revisionId,
      replacing: true,
      content: contentFor(slug, { title: "Change your MX records", body: "Alice's version." }),
    });
    expect(await t.db.articleRevision.findUniqueOrThrow({ where: { id: alices.revisionId } })).toMatchObject({
      body: "Alice's version.",
      author: "Alice",
      note: expect.stringContaining("newer version"),
    });
  });

  it("publishing exactly what customers see adds no revision and clears the draft", async () => {
    const { id, slug, revisionId } = await publishedArticle("Set a vacation reply");
    const same = contentFor(slug, { title: "Set a vacation reply" });
    await saveDraft(alice, { articleId: id, version: 0, baseRevisionId: revisionId, content: same });
    const again = await publishArticle(alice, { articleId: id, baseRevisionId: revisionId, content: same });
    expect(again.revisionId).toBe(revisionId);
    expect(await t.db.articleRevision.count({ where: { articleId: id } })).toBe(1);
    expect(await t.db.articleDraft.count({ where: { articleId: id } })).toBe(0);
    // A real change still makes a revision.
    const changed = await publishArticle(alice, { articleId: id, baseRevisionId: revisionId, content: { ...same, body: `${same.body}\nOne more line.` } });
    expect(changed.revisionId).not.toBe(revisionId);
    expect(await t.db.articleRevision.count({ where: { articleId: id } })).toBe(2);
  });

  it("keeps old slugs redirecting through two renames", async () => {
    const { id, slug, revisionId } = await publishedArticle("Point your domain");
    const second = await publishArticle(alice, {
      articleId: id,
      baseRevisionId: revisionId,
      content: contentFor("point-a-domain", { title: "Point your domain" }),
    });
    const third = await publishArticle(alice, {
      articleId: id,
      baseRevisionId: second.revisionId,
      content: contentFor("point-a-domain-here", { title: "Point your domain" }),
    });
    expect(third.slug).toBe("point-a-domain-here");
    const redirects = await t.db.slugRedirect.findMany({ where: { articleId: id }, orderBy: { fromSlug: "asc" } });
    expect(redirects.map((r) => r.fromSlug)).toEqual(["point-a-domain", slug]);
    expect(revalidated.at(-1)?.slugs).toEqual(expect.arrayContaining([slug, "point-a-domain", "point-a-domain-here"]));
    // Another article may not take an old slug: it still leads customers to this one.
    const other = await createArticle(alice, { title: "Another article", categorySlug: "email" });
    await expect(publishArticle(alice, { articleId: other.id, baseRevisionId: null, content: contentFor(slug) })).rejects.toMatchObject({ status: 422 });
  });

  it("unpublishes, archives, soft-deletes and restores, refreshing customers' pages when their view changes", async () => {
    const { id, slug } = await publishedArticle("Mailbox is full");
    revalidated.length = 0;
    expect(await unpublishArticle(alice, { articleId: id })).toEqual({ status: "draft", deleted: false });
    // Every article page is dropped: any of them may list this one among its related articles.
    expect(revalidated).toEqual([{ slugs: [slug], categorySlugs: ["email"], leftCustomers: true }]);
    await expect(unpublishArticle(alice, { articleId: id })).rejects.toMatchObject({ status: 409 });
    expect(await archiveArticle(alice, { articleId: id })).toEqual({ status: "archived", deleted: false });
    expect(revalidated).toHaveLength(1); // archiving a hidden article changes nothing customers see

    expect(await deleteArticle(alice, { articleId: id })).toEqual({ status: "archived", deleted: true });
    await expect(publishArticle(alice, { articleId: id, baseRevisionId: null, content: contentFor(slug) })).rejects.toMatchObject({ status: 409 });
    await expect(deleteArticle(alice, { articleId: "" })).rejects.toMatchObject({ status: 422 });
    await expect(getEditorState(alice, "no-such-article")).rejects.toMatchObject({ status: 404 });
    const listed = await listStaffArticles(alice, { sort: "updated", order: "desc" });
    expect(listed.rows.map((r) => r.id)).not.toContain(id);
    const deleted = await listStaffArticles(alice, { status: "deleted", sort: "updated", order: "desc" });
    expect(deleted.rows.map((r) => r.id)).toContain(id);
    expect(await t.db.articleRevision.count({ where: { articleId: id } })).toBe(1);

    expect(await restoreDeletedArticle(alice, { articleId: id })).toEqual({ status: "archived", deleted: false });
    expect((await listStaffArticles(alice, { status: "archived", sort: "updated", order: "desc" })).rows.map((r) => r.id)).toContain(id);
  });

  it("lists with counts, score and 30-day views, filters, and sorts unrated articles last", async () => {
    const liked = await publishedArticle("Liked domain article", "domains");
    const mixed = await publishedArticle("Mixed domain article", "domains");
    const unrated = await publishedArticle("Unrated domain article", "domains");
    const vote = (articleId: string, rating: string, n: number) =>
      t.db.feedback.createMany({ data: Array.from({ length: n }, (_, i) => ({ articleId, rating, visitorId: `${articleId}-${rating}-${i}` })) });
    await vote(liked.id, "happy", 3);
    await vote(mixed.id, "happy", 1);
    await vote(mixed.id, "normal", 1);
    await vote(mixed.id, "sad", 2);
    const today = new Date().toISOString().slice(0, 10);
    const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    await t.db.articleViewDay.createMany({
      data: [
        { articleId: mixed.id, day: today, count: 7 },
        { articleId: mixed.id, day: longAgo, count: 100 },
        { articleId: unrated.id, day: today, count: 2 },
      ],
    });

    const byScore = await listStaffArticles(alice, { category: "domains", sort: "score", order: "desc" });
    expect(byScore.rows.map((r) => r.title)).toEqual(["Liked domain article", "Mixed domain article", "Unrated domain article"]);
    expect(byScore.rows[1]).toMatchObject({ ratings: { happy: 1, normal: 1, sad: 2 }, score: 38, views30d: 7, categoryName: "Domains", status: "published" });
    expect(byScore.rows[2]).toMatchObject({ score: null, views30d: 2 });
    const ascending = await listStaffArticles(alice, { category: "domains", sort: "score", order: "asc" });
    expect(ascending.rows.map((r) => r.title)).toEqual(["Mixed domain article", "Liked domain article", "Unrated domain article"]);
    const byViews = await listStaffArticles(alice, { category: "domains", sort: "views", order: "desc" });
    expect(byViews.rows.map((r) => r.views30d)).toEqual([7, 2, 0]);

    await saveDraft(bob, {
      articleId: liked.id,
      version: 0,
      baseRevisionId: liked.revisionId,
      content: contentFor(liked.slug, { title: "Liked domain article" }),
    });
    const byUpdate = await listStaffArticles(alice, { category: "domains", sort: "updated", order: "desc" });
    expect(byUpdate.rows[0]).toMatchObject({ id: liked.id, draft: { updatedBy: "Bob" } });
    expect((await listStaffArticles(alice, { category: "domains", status: "draft", sort: "updated", order: "desc" })).rows).toEqual([]);
  });

  it("tells an autosave that someone published since, and publishing then shows both", async () => {
    const { id, slug, revisionId } = await publishedArticle("Webmail sign-in");
    const state = await getEditorState(alice, id);
    expect(state).toMatchObject({ version: 0, baseRevisionId: revisionId, content: { slug, body: validBody.trim() } });
    const bobs = await publishArticle(bob, {
      articleId: id,
      baseRevisionId: revisionId,
      content: contentFor(slug, { title: "Webmail sign-in", body: "Bob published this." }),
    });
    const saved = await saveDraft(alice, { articleId: id, version: 0, baseRevisionId: revisionId, content: contentFor(slug, { body: "Alice typed this." }) });
    expect(saved).toMatchObject({ saved: true, version: 1, newerPublished: { revisionId: bobs.revisionId, author: "Bob" } });
    const reopened = await getEditorState(bob, id);
    expect(reopened).toMatchObject({ version: 1, baseRevisionId: revisionId, content: { body: "Alice typed this." }, draft: { updatedBy: "Alice" } });
  });
});
