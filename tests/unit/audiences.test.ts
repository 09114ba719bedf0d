// Internal articles (staff only) against a real database, on each provider: every customer read
// leaves them out (lib/articles/visibility.ts customerVisible), customers' writes about them are
// refused like writes about nothing, and staff reach them only through reads that authorize.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { checkArticleContent } from "@/lib/articles/checks";
import { getEditorState } from "@/lib/articles/editor";
import { listStaffArticles } from "@/lib/articles/list";
import { publishArticle, publishContent } from "@/lib/articles/publishing";
import {
  articleAddressExists,
  findArticleAudience,
  findPublishedArticleId,
  findRenamedArticleSlug,
  findRenamedArticleSlugForStaff,
  getArticleForStaff,
  getContentVersion,
  getPopularArticles,
  getPublishedArticle,
  getRelatedArticles,
  getRelatedArticlesForStaff,
  listArticlesInCategory,
  listCategories,
  listPublishedArticles,
  listSearchableArticles,
} from "@/lib/articles/reads";
import { listRevisions, restoreRevision } from "@/lib/articles/revisions";
import type { ArticleContent } from "@/lib/articles/schema";
import { saveDraft } from "@/lib/articles/drafts";
import { issueFormToken } from "@/lib/contact/form-token";
import { createContactRequest } from "@/lib/contact/service";
import { recordFeedback, recordView } from "@/lib/feedback/service";
import { recordSearchEvent } from "@/lib/search-events/service";
import { toSearchDocument } from "@/lib/search/documents";
import { SearchEngine } from "@/lib/search/engine";
import { buildSearchIndex } from "@/lib/search/index-data";
import { loadSearchRules } from "@/lib/search/rules-source";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

const revalidated = vi.hoisted(() => [] as { slugs: string[]; categorySlugs: string[]; leftCustomers?: boolean }[]);
vi.mock("@/lib/articles/revalidate", () => ({ revalidateCustomerPages: (pages: (typeof revalidated)[number]) => revalidated.push(pages) }));

const ada: Actor = { id: "", email: "ada@example.com", name: "Ada Lovelace", role: "editor" };
const body = "## Steps\n\n1. Check the mail queue on the server.\n2. Page the on-call engineer.\n";

function content(slug: string, over: Partial<ArticleContent> = {}): ArticleContent {
  return {
    slug,
    title: "Escalate a mailbox outage",
    description: "What the support team does when mail stops for a whole server.",
    categorySlug: "email",
    tags: ["outage", "escalation"],
    related: [],
    audience: "public",
    body,
    ...over,
  };
}

describe.each(providers.filter((p) => p.available))("internal articles on $name", ({ name }) => {
  let t: TestDatabase;
  const site = () => ({ db: t.db });
  const staff = () => ({ db: t.db, actor: ada });
  const anonymous = () => ({ db: t.db, actor: null });
  const client = () => ({ address: `203.0.113.${Math.floor(Math.random() * 250) + 1}`, visitor: randomUUID() });

  /** A published article written the way publishing writes it (history, hash, snapshot). */
  async function published(slug: string, over: Partial<ArticleContent> = {}) {
    const row = await t.db.article.create({
      data: { slug, title: "x", description: "x", categorySlug: over.categorySlug ?? "email", contentUpdatedAt: new Date() },
      select: { id: true },
    });
    const result = await publishContent(t.db, { articleId: row.id, content: content(slug, over), actor: ada, expectedHeadRevisionId: null });
    return { id: row.id, revisionId: result.revisionId, result };
  }

  let outage: { id: string; revisionId: string };
  let webmail: { id: string };

  beforeAll(async () => {
    t = await createTestDatabase(name);
    await t.db.category.create({ data: { slug: "email", name: "Email", description: "Mail settings and problems.", position: 0 } });
    const user = await t.db.staffUser.create({ data: { email: ada.email, name: ada.name, passwordHash: "not used here" } });
    ada.id = user.id;
    webmail = await published("use-webmail", { title: "Use webmail", description: "Read your mail in a browser, from anywhere." });
    outage = await published("escalate-a-mailbox-outage", {
      audience: "internal",
      related: ["use-webmail"],
      body: `${body}\nUse the incident channel xyzzyrunbook.\n`,
    });
    // A public article that names the internal one among its related articles: refused when
    // published (below), but rows written before the article became internal can hold it.
    const older = await published("mailbox-full", { title: "Mailbox full", description: "What to do when a mailbox reaches its quota." });
    await t.db.article.update({ where: { id: older.id }, data: { related: JSON.stringify(["escalate-a-mailbox-outage", "use-webmail"]) } });
    await t.db.articleRevision.update({ where: { id: older.revisionId }, data: { related: JSON.stringify(["escalate-a-mailbox-outage", "use-webmail"]) } });
    // The internal article is the most read of all, so a popular list that forgot the filter would show it first.
    await t.db.articleViewDay.create({ data: { articleId: outage.id, day: new Date().toISOString().slice(0, 10), count: 500 } });
  });
  afterAll(() => t.dispose());

  it("stores the audience on the article and on its revision", async () => {
    expect(await t.db.article.findUniqueOrThrow({ where: { id: outage.id }, select: { audience: true } })).toEqual({ audience: "internal" });
    expect(await t.db.articleRevision.findUniqueOrThrow({ where: { id: outage.revisionId }, select: { audience: true } })).toEqual({ audience: "internal" });
    expect(await t.db.article.findUniqueOrThrow({ where: { id: webmail.id }, select: { audience: true } })).toEqual({ audience: "public" });
  });

  it("leaves an article made internal out of a popular list at once, though the view ranking behind it is kept a minute", async () => {
    expect((await getPopularArticles(site(), 6)).map((a) => a.slug).sort()).toEqual(["mailbox-full", "use-webmail"]);
    await t.db.article.update({ where: { slug: "mailbox-full" }, data: { audience: "internal" } });
    try {
      expect((await getPopularArticles(site(), 6)).map((a) => a.slug)).toEqual(["use-webmail"]);
    } finally {
      await t.db.article.update({ where: { slug: "mailbox-full" }, data: { audience: "public" } });
    }
  });

  it("leaves it out of every customer read", async () => {
    expect(await getPublishedArticle(site(), "escalate-a-mailbox-outage")).toBeNull();
    expect(await getPublishedArticle(site(), "use-webmail")).toMatchObject({ slug: "use-webmail", audience: "public" });
    expect((await listArticlesInCategory(site(), "email")).map((a) => a.slug)).toEqual(["mailbox-full", "use-webmail"]);
    expect(await listCategories(site())).toEqual([expect.objectContaining({ slug: "email", articleCount: 2 })]);
    expect((await getPopularArticles(site(), 6)).map((a) => a.slug).sort()).toEqual(["mailbox-full", "use-webmail"]);
    expect(await findPublishedArticleId(site(), "escalate-a-mailbox-outage")).toBeNull();
    expect((await listPublishedArticles(site())).map((a) => a.slug)).toEqual(["mailbox-full", "use-webmail"]);
    expect((await listPublishedArticles(site(), { withBody: true })).map((a) => a.slug)).toEqual(["mailbox-full", "use-webmail"]);
    const searchable = await listSearchableArticles(site());
    expect(searchable.map((a) => a.slug)).toEqual(["mailbox-full", "use-webmail"]);
    expect(await articleAddressExists(site(), "escalate-a-mailbox-outage")).toBe(false);
    expect(await findArticleAudience(site(), "escalate-a-mailbox-outage")).toBe("internal");
    expect(await findArticleAudience(site(), "use-webmail")).toBe("public");
    expect(await findArticleAudience(site(), "no-such-article")).toBeNull();
  });

  it("drops it from a public article's related articles, and lists it for staff", async () => {
    const mailboxFull = (await getPublishedArticle(site(), "mailbox-full"))!;
    expect(mailboxFull.related).toEqual(["escalate-a-mailbox-outage", "use-webmail"]);
    expect((await getRelatedArticles(site(), mailboxFull)).map((a) => a.slug)).toEqual(["use-webmail"]);
    expect((await getRelatedArticlesForStaff(staff(), mailboxFull)).map((a) => a.slug)).toEqual(["escalate-a-mailbox-outage", "use-webmail"]);
    // The category fill leaves it out too.
    const webmailView = (await getPublishedArticle(site(), "use-webmail"))!;
    expect((await getRelatedArticles(site(), webmailView)).map((a) => a.slug)).toEqual(["mailbox-full"]);
  });

  it("is read by signed-in staff only, whose reads authorize first", async () => {
    await expect(getArticleForStaff(anonymous(), "escalate-a-mailbox-outage")).rejects.toMatchObject({ status: 401 });
    await expect(getRelatedArticlesForStaff(anonymous(), (await getPublishedArticle(site(), "use-webmail"))!)).rejects.toMatchObject({ status: 401 });
    await expect(findRenamedArticleSlugForStaff(anonymous(), "old-slug")).rejects.toMatchObject({ status: 401 });
    expect(await getArticleForStaff(staff(), "escalate-a-mailbox-outage")).toMatchObject({
      slug: "escalate-a-mailbox-outage",
      audience: "internal",
      related: ["use-webmail"],
    });
  });

  it("refuses customers' votes, views, contact requests and search opens for it, as for an unknown article, storing nothing", async () => {
    const before = await Promise.all([
      t.db.feedback.count(),
      t.db.articleViewDay.findMany({ orderBy: { day: "asc" } }),
      t.db.contactRequest.count(),
      t.db.searchEvent.count(),
    ]);
    await expect(recordFeedback(site(), client(), { article: "escalate-a-mailbox-outage", rating: "happy" })).rejects.toMatchObject({ status: 404 });
    await expect(recordFeedback(site(), client(), { article: "no-such-article", rating: "happy" })).rejects.toMatchObject({ status: 404 });
    await expect(recordView(site(), "escalate-a-mailbox-outage", client())).rejects.toMatchObject({ status: 404 });
    await expect(
      createContactRequest(
        site(),
        {
          name: "Jo",
          email: "jo@example.com",
          message: "Mail is down for our whole office.",
          article: "escalate-a-mailbox-outage",
          formToken: await issueFormToken(site(), Date.now() - 60_000),
        },
        client(),
      ),
    ).rejects.toMatchObject({ status: 422, fields: { article: "is not a published article" } });
    await expect(recordSearchEvent(site(), { query: "outage", resultCount: 1, openedSlug: "escalate-a-mailbox-outage" }, client())).rejects.toMatchObject({
      status: 422,
    });
    expect(
      await Promise.all([
        t.db.feedback.count(),
        t.db.articleViewDay.findMany({ orderBy: { day: "asc" } }),
        t.db.contactRequest.count(),
        t.db.searchEvent.count(),
      ]),
    ).toEqual(before);
  });

  it("keeps it out of the customers' search index, pins to it included; the staff's index marks it", async () => {
    await t.db.searchPin.create({ data: { query: "outage", queryKey: "outag", articleId: outage.id } });
    const rules = await loadSearchRules(site());
    const customers = buildSearchIndex((await listSearchableArticles(site())).map(toSearchDocument), rules);
    const json = JSON.stringify(customers);
    expect(json).not.toContain("escalate-a-mailbox-outage");
    expect(json).not.toContain("xyzzyrunbook");
    expect(customers.pins).toEqual([]);
    expect(customers.internal).toBeUndefined();
    expect(new SearchEngine(customers).search("mailbox outage escalate")).not.toContainEqual(expect.objectContaining({ slug: "escalate-a-mailbox-outage" }));

    const staffIndex = buildSearchIndex((await listSearchableArticles(site(), "staff")).map(toSearchDocument), rules);
    const results = new SearchEngine(staffIndex).search("xyzzyrunbook");
    expect(results[0]).toMatchObject({ slug: "escalate-a-mailbox-outage", internal: true });
    expect(new SearchEngine(staffIndex).search("webmail")).toContainEqual(expect.not.objectContaining({ internal: true }));
    await t.db.searchPin.deleteMany();
  });

  it("changes only the staff's content version when an internal article changes", async () => {
    const [customersBefore, staffBefore] = [await getContentVersion(site()), await getContentVersion(site(), "staff")];
    await new Promise((resolve) => setTimeout(resolve, 5));
    await t.db.article.update({ where: { id: outage.id }, data: { title: "Escalate a mailbox outage (updated)" } });
    expect(await getContentVersion(site())).toBe(customersBefore);
    expect(await getContentVersion(site(), "staff")).not.toBe(staffBefore);
  });

  it("hides an article whose stored audience is anything but public (a value written by hand)", async () => {
    const odd = await published("odd-audience", { title: "Odd audience", description: "An article whose audience was typed by hand." });
    await t.db.article.update({ where: { id: odd.id }, data: { audience: "Public " } });
    expect(await getPublishedArticle(site(), "odd-audience")).toBeNull();
    expect(await findArticleAudience(site(), "odd-audience")).toBe("internal");
    await t.db.article.update({ where: { id: odd.id }, data: { audience: "public" } });
    expect(await getPublishedArticle(site(), "odd-audience")).not.toBeNull();
  });

  it("keeps a renamed internal article's old address for staff only", async () => {
    const renamed = await published("page-the-on-call-engineer", {
      audience: "internal",
      title: "Page the on-call engineer",
      description: "How to reach the engineer on call at any hour.",
    });
    await publishContent(t.db, {
      articleId: renamed.id,
      content: content("page-on-call", {
        audience: "internal",
        title: "Page the on-call engineer",
        description: "How to reach the engineer on call at any hour.",
      }),
      actor: ada,
      expectedHeadRevisionId: renamed.revisionId,
    });
    expect(await findRenamedArticleSlug(site(), "page-the-on-call-engineer")).toBeNull();
    expect(await findArticleAudience(site(), "page-the-on-call-engineer")).toBe("internal");
    expect(await findRenamedArticleSlugForStaff(staff(), "page-the-on-call-engineer")).toBe("page-on-call");
  });

  it("publishes an article as internal from the editor, and drops every customer page when a public one becomes internal", async () => {
    const { id } = await published("set-up-a-shared-mailbox", {
      title: "Set up a shared mailbox",
      description: "Share one mailbox between several people in a team.",
    });
    const editor = await getEditorState(staff(), id);
    expect(editor.content.audience).toBe("public");
    revalidated.length = 0;
    await publishArticle(staff(), { articleId: id, baseRevisionId: editor.baseRevisionId, content: { ...editor.content, audience: "internal" } });
    expect(revalidated).toEqual([expect.objectContaining({ slugs: expect.arrayContaining(["set-up-a-shared-mailbox"]), leftCustomers: true })]);
    expect(await getPublishedArticle(site(), "set-up-a-shared-mailbox")).toBeNull();
    expect((await getEditorState(staff(), id)).content.audience).toBe("internal");
    const history = await listRevisions(staff(), id);
    expect(history.revisions[0]).toMatchObject({ changedFields: ["audience"] });
    expect(history.article).toMatchObject({ published: true, customersSeeIt: false });

    // Restoring the public revision brings its content back, never its audience: with only the
    // audience different, there is nothing to restore.
    const [internalHead, publicRevision] = history.revisions;
    await expect(restoreRevision(staff(), { articleId: id, revisionId: publicRevision!.id, baseRevisionId: internalHead!.id })).rejects.toMatchObject({
      status: 409,
    });
    const edited = await publishArticle(staff(), {
      articleId: id,
      baseRevisionId: internalHead!.id,
      content: { ...editor.content, audience: "internal", body: "## Steps\n\n1. A rewritten first step.\n" },
    });
    await restoreRevision(staff(), { articleId: id, revisionId: publicRevision!.id, baseRevisionId: edited.revisionId });
    const after = await t.db.article.findUniqueOrThrow({
      where: { id },
      select: { audience: true, publishedRevision: { select: { body: true, audience: true } } },
    });
    expect(after).toEqual({ audience: "internal", publishedRevision: { body: editor.content.body.trim(), audience: "internal" } });
    expect(await getPublishedArticle(site(), "set-up-a-shared-mailbox")).toBeNull();
  });

  it("refuses a draft that does not say who may read the article, and saves one that does", async () => {
    const { id } = await published("draft-audience", { title: "Draft audience", description: "An article whose draft says who may read it." });
    const without: Partial<ArticleContent> = content("draft-audience");
    delete without.audience;
    await expect(saveDraft(staff(), { articleId: id, version: 0, baseRevisionId: null, content: without as ArticleContent })).rejects.toMatchObject({
      status: 422,
      fields: { "content.audience": expect.stringMatching(/public.*internal/) },
    });
    await expect(
      saveDraft(staff(), { articleId: id, version: 0, baseRevisionId: null, content: { ...content("draft-audience"), audience: "secret" as never } }),
    ).rejects.toMatchObject({ status: 422 });
    expect(
      await saveDraft(staff(), { articleId: id, version: 0, baseRevisionId: null, content: content("draft-audience", { audience: "internal" }) }),
    ).toMatchObject({ saved: true });
    expect(await t.db.articleDraft.findUniqueOrThrow({ where: { articleId: id }, select: { audience: true } })).toEqual({ audience: "internal" });
    // Not in effect until published: customers still read it.
    expect(await getPublishedArticle(site(), "draft-audience")).not.toBeNull();
    const listed = await listStaffArticles(staff(), { sort: "updated", order: "desc" });
    expect(listed.rows.find((row) => row.id === id)).toMatchObject({ audience: "public", draftAudience: "internal" });
  });

  it("will not let a public article list an internal one among its related articles", async () => {
    const problems = await checkArticleContent(t.db, content("a-public-article", { related: ["escalate-a-mailbox-outage"] }), null);
    expect(problems).toContainEqual({ field: "related", message: expect.stringMatching(/^"escalate-a-mailbox-outage" is internal \(staff only\)/) });
    expect(await checkArticleContent(t.db, content("an-internal-article", { audience: "internal", related: ["escalate-a-mailbox-outage"] }), null)).toEqual([]);
  });

  it("lists and filters articles by audience for staff", async () => {
    const internal = await listStaffArticles(staff(), { audience: "internal", sort: "updated", order: "desc" });
    expect(internal.rows.length).toBeGreaterThan(0);
    expect(internal.rows.every((row) => row.audience === "internal")).toBe(true);
    expect(internal.rows.map((row) => row.slug)).toContain("escalate-a-mailbox-outage");
    const everyone = await listStaffArticles(staff(), { audience: "public", sort: "updated", order: "desc" });
    expect(everyone.rows.map((row) => row.slug)).toContain("use-webmail");
    expect(everyone.rows.every((row) => row.audience === "public")).toBe(true);
    expect(internal.total + everyone.total).toBe((await listStaffArticles(staff(), { sort: "updated", order: "desc" })).total);
  });
});
