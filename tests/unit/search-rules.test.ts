// Staff synonyms and pinned answers against a real database: what is stored, what is refused with a
// message and nothing stored, and the history of who changed what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { parseOrThrow } from "@/lib/http";
import { deleteSearchPin, listPinnableArticles, listSearchPins, saveSearchPin, savePinSchema } from "@/lib/search/pins";
import { listSearchRuleHistory } from "@/lib/search/rule-history";
import { deleteSynonymGroup, listSynonymGroups, saveSynonymGroup, saveSynonymSchema } from "@/lib/search/synonyms";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

describe("the synonym form's input", () => {
  const parse = (terms: string) => saveSynonymSchema.safeParse({ terms });

  it("takes words separated by =, commas or lines", () => {
    expect(parse("2fa = two-factor = MFA").data?.terms).toEqual(["2fa", "two-factor", "MFA"]);
    expect(parse("ssl, https,\ncertificate").data?.terms).toEqual(["ssl", "https", "certificate"]);
  });

  it.each([
    ["2fa", /at least two words/],
    ["2fa = ", /at least two words/],
    ["email = e-mail = Emails", /same search word/],
    ["the = how", /no searchable word/],
    [`a${"x".repeat(70)} = b`, /over 60 characters/],
  ])("refuses %j with a message that says how to fix it", (terms, message) => {
    const result = parse(terms);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});

describe.each(providers.filter((p) => p.available))("synonyms and pins on $name", ({ name }) => {
  let t: TestDatabase;
  const editor: Actor = { id: "", email: "eve@example.com", name: "Eve Editor", role: "editor" };
  const ctx = () => ({ db: t.db, actor: editor });
  const ids = { cancel: "", draft: "" };

  beforeAll(async () => {
    t = await createTestDatabase(name);
    editor.id = (await t.db.staffUser.create({ data: { email: editor.email, name: editor.name, role: "editor", passwordHash: "x" } })).id;
    await t.db.category.create({ data: { slug: "billing", name: "Billing", description: "Paying." } });
    for (const [key, slug, title, status] of [
      ["cancel", "cancel-your-service", "Cancel your service", "published"],
      ["draft", "unfinished", "Unfinished", "draft"],
    ] as const) {
      const article = await t.db.article.create({ data: { slug, title, description: "d", categorySlug: "billing", status, contentUpdatedAt: new Date() } });
      ids[key] = article.id;
      if (status === "published") {
        const revision = await t.db.articleRevision.create({
          data: { articleId: article.id, title, description: "d", categorySlug: "billing", body: "Body.", contentHash: slug, author: "test" },
        });
        await t.db.article.update({ where: { id: article.id }, data: { publishedRevisionId: revision.id } });
      }
    }
  });
  afterAll(() => t.dispose());

  it("adds a synonym group, refuses a word already in another, and removes it, recording each change", async () => {
    const group = await saveSynonymGroup(ctx(), parseOrThrow(saveSynonymSchema, { terms: "mfa = two-factor" }));
    expect(await listSynonymGroups(ctx())).toEqual([{ id: group.id, terms: ["mfa", "two-factor"], updatedAt: expect.any(Date) }]);

    await expect(saveSynonymGroup(ctx(), parseOrThrow(saveSynonymSchema, { terms: "MFA = 2fa" }))).rejects.toMatchObject({
      status: 422,
      fields: { terms: "“MFA” is already in “mfa = two-factor”: add the other words to that group instead" },
    });
    expect(await t.db.searchSynonym.count()).toBe(1);

    await saveSynonymGroup(ctx(), parseOrThrow(saveSynonymSchema, { id: group.id, terms: "mfa = two-factor = 2fa" }));
    await deleteSynonymGroup(ctx(), { id: group.id });
    await expect(deleteSynonymGroup(ctx(), { id: group.id })).rejects.toMatchObject({ status: 404 });
    expect(await listSynonymGroups(ctx())).toEqual([]);

    const history = await listSearchRuleHistory(ctx());
    expect(history.map(({ kind, action, before, after, actorName }) => ({ kind, action, before, after, actorName }))).toEqual([
      { kind: "synonym", action: "removed", before: "mfa = two-factor = 2fa", after: null, actorName: "Eve Editor" },
      { kind: "synonym", action: "changed", before: "mfa = two-factor", after: "mfa = two-factor = 2fa", actorName: "Eve Editor" },
      { kind: "synonym", action: "added", before: null, after: "mfa = two-factor", actorName: "Eve Editor" },
    ]);
  });

  it("pins a published article for a query, one pin per query whatever its case, never a draft", async () => {
    expect((await listPinnableArticles(ctx())).map((a) => a.title)).toEqual(["Cancel your service"]);
    const pin = await saveSearchPin(ctx(), parseOrThrow(savePinSchema, { query: "Cancel", articleId: ids.cancel }));
    expect(await listSearchPins(ctx())).toEqual([
      {
        id: pin.id,
        query: "Cancel",
        updatedAt: expect.any(Date),
        article: { id: ids.cancel, slug: "cancel-your-service", title: "Cancel your service", published: true },
      },
    ]);

    await expect(saveSearchPin(ctx(), parseOrThrow(savePinSchema, { query: "cancel ", articleId: ids.cancel }))).rejects.toMatchObject({
      status: 422,
      fields: { query: expect.stringMatching(/already has a pin/) },
    });
    await expect(saveSearchPin(ctx(), parseOrThrow(savePinSchema, { query: "unfinished", articleId: ids.draft }))).rejects.toMatchObject({
      status: 422,
      fields: { articleId: "is not a published article" },
    });
    expect(() => parseOrThrow(savePinSchema, { query: "how to", articleId: ids.cancel })).toThrow(/no searchable word/);
    expect(await t.db.searchPin.count()).toBe(1);

    await deleteSearchPin(ctx(), { id: pin.id });
    const [removed, added] = await listSearchRuleHistory(ctx());
    expect([removed?.action, removed?.before, added?.action, added?.after]).toEqual([
      "removed",
      "“Cancel” → Cancel your service",
      "added",
      "“Cancel” → Cancel your service",
    ]);
  });
});
