// Publishing and restoring at the same moment, as two servers (or two editors on one) would: each
// publisher has a database client, and so a connection, of its own. Exactly one wins; every other
// is told someone published first (409); no revision is lost or silently replaced.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { createArticle } from "@/lib/articles/editor";
import { NewerVersionError, publishArticle } from "@/lib/articles/publishing";
import { restoreRevision } from "@/lib/articles/revisions";
import { createPrismaClient, type Database } from "@/lib/db-client";
import { createStaffUser } from "@/lib/staff/users";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

vi.mock("@/lib/articles/revalidate", () => ({ revalidateCustomerPages: vi.fn() }));

const PUBLISHERS = 6;

const content = (slug: string, body: string) => ({
  slug,
  title: "Forward your email",
  description: "How to send a copy of every message to another address.",
  categorySlug: "email",
  tags: ["forwarding"],
  related: [] as string[],
  audience: "public" as const,
  body,
});

describe.each(providers.filter((p) => p.available))("publishing at the same moment on $name", ({ name }) => {
  let t: TestDatabase;
  let clients: Database[];
  const editors: Actor[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(name);
    await t.db.category.create({ data: { slug: "email", name: "Email", description: "Mailboxes and forwarding." } });
    for (let i = 0; i < PUBLISHERS; i++) {
      const user = await createStaffUser(t.db, { email: `editor${i}@example.com`, name: `Editor ${i}`, role: "editor", password: "a long enough passphrase" });
      editors.push({ ...user, role: "editor" });
    }
    clients = editors.map(() => createPrismaClient(t.url));
    // Connected before the race, so every publisher starts at once.
    await Promise.all(clients.map((db) => db.category.count()));
  });
  afterAll(async () => {
    await Promise.all(clients.map((db) => db.$disconnect()));
    await t.dispose();
  });

  async function publishedArticle(title: string) {
    const ctx = { db: t.db, actor: editors[0]! };
    const created = await createArticle(ctx, { title, categorySlug: "email" });
    const first = await publishArticle(ctx, { articleId: created.id, baseRevisionId: null, content: content(created.slug, "The first version.") });
    return { id: created.id, slug: created.slug, head: first.revisionId };
  }

  it("one of six simultaneous publishes from the same revision wins; the others get the winner's version to compare", async () => {
    const article = await publishedArticle("Publish race");
    const results = await Promise.allSettled(
      clients.map((db, i) =>
        publishArticle(
          { db, actor: editors[i]! },
          { articleId: article.id, baseRevisionId: article.head, content: content(article.slug, `Version by editor ${i}.`) },
        ),
      ),
    );

    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [{ i, revisionId: r.value.revisionId }] : []));
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(PUBLISHERS - 1);
    for (const error of lost) {
      expect(error).toBeInstanceOf(NewerVersionError);
      expect(error).toMatchObject({ status: 409, theirs: { revisionId: won[0]!.revisionId, content: { body: `Version by editor ${won[0]!.i}.` } } });
    }
    const stored = await t.db.article.findUniqueOrThrow({
      where: { id: article.id },
      select: { publishedRevisionId: true, publishedRevision: { select: { body: true } } },
    });
    expect(stored).toEqual({ publishedRevisionId: won[0]!.revisionId, publishedRevision: { body: `Version by editor ${won[0]!.i}.` } });
    // The first version and the winner's: the losers' revisions were never kept.
    expect(await t.db.articleRevision.count({ where: { articleId: article.id } })).toBe(2);
  });

  it("a restore and a publish at the same moment: one wins, the other is refused and stores nothing", async () => {
    const article = await publishedArticle("Restore race");
    const second = await publishArticle(
      { db: t.db, actor: editors[1]! },
      { articleId: article.id, baseRevisionId: article.head, content: content(article.slug, "The second version.") },
    );

    const [restoreDb, publishDb, otherRestoreDb] = clients;
    const results = await Promise.allSettled([
      restoreRevision({ db: restoreDb!, actor: editors[0]! }, { articleId: article.id, revisionId: article.head, baseRevisionId: second.revisionId }),
      publishArticle(
        { db: publishDb!, actor: editors[1]! },
        { articleId: article.id, baseRevisionId: second.revisionId, content: content(article.slug, "The third version.") },
      ),
      restoreRevision({ db: otherRestoreDb!, actor: editors[2]! }, { articleId: article.id, revisionId: article.head, baseRevisionId: second.revisionId }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ status: 409, message: expect.stringMatching(/published a newer version/) });
    }
    expect(await t.db.articleRevision.count({ where: { articleId: article.id } })).toBe(3);
    const head = await t.db.articleRevision.findFirstOrThrow({ where: { articleId: article.id }, orderBy: { createdAt: "desc" }, select: { id: true } });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).publishedRevisionId).toBe(head.id);
  });

  it("a restore from a history that is out of date is refused, naming who published since", async () => {
    const article = await publishedArticle("Stale history");
    const second = await publishArticle(
      { db: t.db, actor: editors[1]! },
      { articleId: article.id, baseRevisionId: article.head, content: content(article.slug, "The second version.") },
    );
    const restore = restoreRevision({ db: t.db, actor: editors[0]! }, { articleId: article.id, revisionId: article.head, baseRevisionId: article.head });
    await expect(restore).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/^Editor 1 published a newer version .* Nothing was restored/) });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).publishedRevisionId).toBe(second.revisionId);
  });
});
