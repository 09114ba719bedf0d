// Translations: creating one from its source, the refusals (which store nothing), and which
// languages are outdated, against a real database built by the migrations.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor, StaffContext } from "@/lib/auth/roles";
import { createArticle, getEditorState } from "@/lib/articles/editor";
import { listStaffArticles } from "@/lib/articles/list";
import { publishArticle } from "@/lib/articles/publishing";
import type { DraftContent } from "@/lib/articles/schema";
import { deleteArticle, unpublishArticle } from "@/lib/articles/status";
import { createTranslation, listTranslations } from "@/lib/articles/translations";
import { createStaffUser } from "@/lib/staff/users";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";
import { DRAFT_BODY, draftContent } from "../support/draft-content";

// Outside Next.js there are no cached pages to drop: which ones would be is recorded.
const revalidated = vi.hoisted(() => [] as { slugs: string[] }[]);
vi.mock("@/lib/articles/revalidate", () => ({ revalidateCustomerPages: (pages: { slugs: string[] }) => revalidated.push(pages) }));

const body = DRAFT_BODY;

const contentFor = draftContent;

/** Publishing stamps the time in milliseconds: keep one publish visibly after the one before. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe.each(providers.filter((p) => p.available))("article translations on $name", ({ name }) => {
  let t: TestDatabase;
  let alice: StaffContext;
  let anonymous: StaffContext;

  beforeAll(async () => {
    t = await createTestDatabase(name);
    await t.db.category.createMany({ data: [{ slug: "email", name: "Email", description: "Mailboxes and forwarding", position: 1 }] });
    const user = await createStaffUser(t.db, { email: "alice-translations@example.com", name: "Alice", role: "editor", password: "a long enough passphrase" });
    const actor: Actor = { ...user, role: "editor" };
    alice = { db: t.db, actor };
    anonymous = { db: t.db, actor: null };
  });
  afterAll(() => t.dispose());

  async function publishedArticle(title: string, overrides: Partial<DraftContent> = {}) {
    const created = await createArticle(alice, { title, categorySlug: "email" });
    await publishArticle(alice, { articleId: created.id, baseRevisionId: null, content: contentFor(created.slug, { title, ...overrides }) });
    return created;
  }

  async function publishState(ctx: StaffContext, articleId: string, overrides: Partial<DraftContent> = {}) {
    const state = await getEditorState(ctx, articleId);
    return publishArticle(ctx, { articleId, baseRevisionId: state.baseRevisionId, content: { ...state.content, ...overrides } });
  }

  it("creates a German draft from the source's newest revision, linked to its source", async () => {
    const related = await publishedArticle("Create a mailbox");
    const source = await publishedArticle("Set up an email forwarder", { related: [related.slug], tags: ["forwarding", "mail"] });
    const translation = await createTranslation(alice, source.id, "de");
    expect(translation).toMatchObject({ slug: `${source.slug}-de`, status: "draft", locale: "de", translationOfId: source.id });

    const row = await t.db.article.findUniqueOrThrow({ where: { id: translation.id }, include: { draft: true } });
    expect(row).toMatchObject({ categorySlug: "email", audience: "public", publishedRevisionId: null, title: "Set up an email forwarder" });
    expect(row.draft).toMatchObject({ version: 1, slug: `${source.slug}-de`, body: body.trim(), updatedById: alice.actor!.id });
    expect(JSON.parse(row.draft!.tags)).toEqual(["forwarding", "mail"]);
    expect(JSON.parse(row.draft!.related)).toEqual([related.slug]);
    expect(await t.db.articleRevision.count({ where: { articleId: translation.id } })).toBe(0);

    // The editor opens on the copied text, ready to be translated and published.
    const state = await getEditorState(alice, translation.id);
    expect(state.content).toMatchObject({ slug: `${source.slug}-de`, title: "Set up an email forwarder", body: body.trim() });
  });

  it("drops the cached pages of every language version when one of them is published or unpublished", async () => {
    const source = await publishedArticle("Change a mailbox quota");
    const translation = await createTranslation(alice, source.id, "de");
    revalidated.length = 0;
    await publishState(alice, translation.id, { title: "Die Größe eines Postfachs ändern" });
    // The source's page under /de stood in for the translation, and names its versions: it goes too.
    expect(revalidated.at(-1)!.slugs).toEqual(expect.arrayContaining([translation.slug, source.slug]));
    await publishState(alice, source.id, { title: "Change a mailbox's quota" });
    expect(revalidated.at(-1)!.slugs).toEqual(expect.arrayContaining([source.slug, translation.slug]));
    await unpublishArticle(alice, { articleId: translation.id });
    expect(revalidated.at(-1)!.slugs).toEqual(expect.arrayContaining([translation.slug, source.slug]));
  });

  it("points related articles at their published translations and takes a title to start from", async () => {
    const related = await publishedArticle("Delete a mailbox");
    const relatedDe = await createTranslation(alice, related.id, "de");
    await publishState(alice, relatedDe.id, { title: "Ein Postfach löschen" });
    const source = await publishedArticle("Rename a mailbox", { related: [related.slug] });
    const translation = await createTranslation(alice, source.id, "de", { title: "Ein Postfach umbenennen" });
    const draft = await t.db.articleDraft.findUniqueOrThrow({ where: { articleId: translation.id } });
    expect(draft.title).toBe("Ein Postfach umbenennen");
    expect(JSON.parse(draft.related)).toEqual([relatedDe.slug]);
  });

  it("refuses what cannot be translated and stores nothing", async () => {
    const source = await publishedArticle("Check your DKIM record");
    const before = await t.db.article.count();
    await expect(createTranslation(anonymous, source.id, "de")).rejects.toMatchObject({ status: 401 });
    await expect(createTranslation(alice, source.id, "en")).rejects.toMatchObject({ status: 422 });
    await expect(createTranslation(alice, source.id, "fr")).rejects.toMatchObject({ status: 422 });
    await expect(createTranslation(alice, "no-such-article", "de")).rejects.toMatchObject({ status: 404 });
    const translation = await createTranslation(alice, source.id, "de");
    // One translation per language, and no translation of a translation.
    await expect(createTranslation(alice, source.id, "de")).rejects.toMatchObject({ status: 409 });
    await expect(createTranslation(alice, translation.id, "de")).rejects.toMatchObject({ status: 409 });
    expect(await t.db.article.count()).toBe(before + 1);

    const deleted = await publishedArticle("An article about to go");
    await deleteArticle(alice, { articleId: deleted.id });
    await expect(createTranslation(alice, deleted.id, "de")).rejects.toMatchObject({ status: 409 });
    expect(await t.db.article.count({ where: { translationOfId: deleted.id } })).toBe(0);
  });

  it("lists every language, and marks a translation outdated once its source is published after it", async () => {
    const source = await publishedArticle("Point your domain at us");
    let languages = await listTranslations(alice, source.id);
    expect(languages.source).toMatchObject({ id: source.id, locale: "en" });
    expect(languages.languages.map((l) => [l.locale, l.state, l.outdated])).toEqual([
      ["en", "published", false],
      ["de", "missing", false],
    ]);
    expect(languages.languages[1]).toMatchObject({ languageName: "Deutsch", id: null, slug: null, isSource: false });

    const translation = await createTranslation(alice, source.id, "de");
    languages = await listTranslations(alice, translation.id);
    // Asked about the translation, it answers for its source.
    expect(languages.article).toMatchObject({ id: translation.id, locale: "de", isTranslation: true });
    expect(languages.source.id).toBe(source.id);
    expect(languages.languages[1]).toMatchObject({ id: translation.id, state: "draft", published: false, outdated: false });

    await tick();
    await publishState(alice, translation.id, { title: "Ihre Domain auf uns zeigen lassen" });
    languages = await listTranslations(alice, source.id);
    expect(languages.languages[1]).toMatchObject({ state: "published", published: true, outdated: false, title: "Ihre Domain auf uns zeigen lassen" });

    // The source changes: the German text is now behind.
    await tick();
    await publishState(alice, source.id, { body: `${body}\n3. Save.\n` });
    languages = await listTranslations(alice, source.id);
    expect(languages.languages[1]).toMatchObject({ state: "published", outdated: true });
    expect(languages.languages[0]).toMatchObject({ isSource: true, outdated: false });

    // Republishing the translation brings it up to date.
    await tick();
    await publishState(alice, translation.id, { body: `${body}\n3. Speichern.\n` });
    languages = await listTranslations(alice, source.id);
    expect(languages.languages[1]).toMatchObject({ outdated: false });

    // Only published translations can be outdated.
    await tick();
    await publishState(alice, source.id, { body: `${body}\n3. Save.\n4. Done.\n` });
    expect((await listTranslations(alice, source.id)).languages[1]!.outdated).toBe(true);
    await unpublishArticle(alice, { articleId: translation.id });
    expect((await listTranslations(alice, source.id)).languages[1]).toMatchObject({ state: "draft", outdated: false });
  });

  it("scores each language from its own ratings", async () => {
    const source = await publishedArticle("Renew a certificate");
    const translation = await createTranslation(alice, source.id, "de");
    const { revisionId } = await publishState(alice, translation.id);
    const sourceHead = await t.db.article.findUniqueOrThrow({ where: { id: source.id }, select: { publishedRevisionId: true } });
    const vote = (articleId: string, rating: string, n: number, revision: string | null) =>
      t.db.feedback.create({ data: { articleId, revisionId: revision, visitorId: `v-${articleId}-${n}`, rating } });
    await vote(source.id, "happy", 1, sourceHead.publishedRevisionId);
    await vote(source.id, "sad", 2, sourceHead.publishedRevisionId);
    await vote(translation.id, "happy", 1, revisionId);
    const { languages } = await listTranslations(alice, source.id);
    expect(languages[0]!.ratings).toMatchObject({ total: 2, score: 50, counts: { happy: 1, normal: 0, sad: 1 } });
    expect(languages[1]!.ratings).toMatchObject({ total: 1, score: 100 });
  });

  it("lists articles by language in the staff list", async () => {
    const german = await listStaffArticles(alice, { sort: "updated", order: "desc", locale: "de" });
    expect(german.total).toBeGreaterThan(0);
    expect(german.rows.every((row) => row.locale === "de")).toBe(true);
    const english = await listStaffArticles(alice, { sort: "updated", order: "desc", locale: "en" });
    expect(english.rows.every((row) => row.locale === "en" && row.translationOf === null)).toBe(true);
    const all = await listStaffArticles(alice, { sort: "updated", order: "desc" });
    expect(all.total).toBe(german.total + english.total);
    const translated = german.rows[0]!;
    expect(translated.translationOf).not.toBeNull();
  });
});
