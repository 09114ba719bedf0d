// Recording customer searches: what is stored (normalised, personal data masked) and what is refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HttpError } from "@/lib/http-error";
import { normalizeSearchQuery, STORED_QUERY_MAX } from "@/lib/search-events/normalize";
import { searchEventSchema, searchOpenSchema } from "@/lib/search-events/schema";
import { recordSearchEvent, recordSearchOpen } from "@/lib/search-events/service";
import { createTestDatabase, providers, type TestDatabase } from "../support/database";

describe("normalizing a search query", () => {
  it("trims, collapses spaces and lowercases", () => {
    expect(normalizeSearchQuery("   DKIM \t  Setup\n ")).toBe("dkim setup");
  });

  it("masks e-mail addresses, with or without a dot in the domain", () => {
    expect(normalizeSearchQuery("reset password for Ann.Lee+help@Example.co.uk please")).toBe("reset password for [email] please");
    expect(normalizeSearchQuery("bounce from bob@mailhost")).toBe("bounce from [email]");
  });

  it("masks runs of six or more digits, also written in groups", () => {
    expect(normalizeSearchQuery("order 12345678 missing")).toBe("order [number] missing");
    expect(normalizeSearchQuery("call me +44 20 7946 0958")).toBe("call me [number]");
    expect(normalizeSearchQuery("card 4111-1111-1111-1111 declined")).toBe("card [number] declined");
    expect(normalizeSearchQuery("invoice 123456")).toBe("invoice [number]");
  });

  it("keeps short numbers that are part of the question", () => {
    expect(normalizeSearchQuery("SMTP port 587")).toBe("smtp port 587");
    expect(normalizeSearchQuery("windows 11 outlook 2021")).toBe("windows 11 outlook 2021");
    expect(normalizeSearchQuery("error 12345")).toBe("error 12345");
  });

  it("caps long queries after masking, so a cut never reveals part of an address", () => {
    const long = `${"word ".repeat(30)}someone@example.com`;
    const stored = normalizeSearchQuery(long);
    expect(stored.length).toBeLessThanOrEqual(STORED_QUERY_MAX);
    expect(stored).not.toContain("@");
    expect(stored).not.toMatch(/\s$/);
  });
});

describe("the search event schema", () => {
  it("stores the normalised query", () => {
    expect(searchEventSchema.parse({ query: "  IMAP  vs POP ", resultCount: 3 })).toEqual({ query: "imap vs pop", resultCount: 3 });
  });

  it.each([
    [{ query: "a", resultCount: 1 }, "query"],
    [{ query: "   ", resultCount: 1 }, "query"],
    [{ query: "x".repeat(201), resultCount: 1 }, "query"],
    [{ query: "dkim", resultCount: -1 }, "resultCount"],
    [{ query: "dkim", resultCount: 1.5 }, "resultCount"],
    [{ query: "dkim", resultCount: "3" }, "resultCount"],
    [{ query: "dkim" }, "resultCount"],
    [{ query: "dkim", resultCount: 1, openedSlug: "../etc" }, "openedSlug"],
    [{ query: "dkim", resultCount: 1, visitor: "abc" }, ""],
    [{ query: "dkim", resultCount: 1, locale: "xx" }, "locale"],
    [{ query: "dkim", resultCount: 1, locale: 3 }, "locale"],
  ])("refuses %j", (input, field) => {
    const result = searchEventSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join(".")).toBe(field);
  });

  it("needs an article slug to note an open", () => {
    expect(searchOpenSchema.safeParse({ slug: "mx-records" }).success).toBe(true);
    expect(searchOpenSchema.safeParse({ slug: "" }).success).toBe(false);
    expect(searchOpenSchema.safeParse({}).success).toBe(false);
  });
});

describe.each(providers.filter((p) => p.available))("recording searches on $name", ({ name }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(name);
    await t.db.category.create({ data: { slug: "email", name: "Email", description: "Mailboxes." } });
    for (const [slug, status] of [
      ["mx-records", "published"],
      ["old-draft", "draft"],
    ] as const) {
      const article = await t.db.article.create({ data: { slug, title: slug, description: "d", categorySlug: "email", status, contentUpdatedAt: new Date() } });
      const revision = await t.db.articleRevision.create({
        data: { articleId: article.id, title: slug, description: "d", categorySlug: "email", body: "b", contentHash: slug, author: "Ada" },
      });
      if (status === "published") await t.db.article.update({ where: { id: article.id }, data: { publishedRevisionId: revision.id } });
    }
  });
  beforeEach(() => t.db.searchEvent.deleteMany());
  afterAll(() => t.dispose());

  const client = { address: "203.0.113.7" };
  const record = (input: unknown) => recordSearchEvent({ db: t.db }, searchEventSchema.parse(input), client);
  const stored = () => t.db.searchEvent.findMany({ select: { query: true, resultCount: true, openedSlug: true } });

  it("stores the query, its result count and nothing about the visitor", async () => {
    const { id } = await record({ query: "MX  Record for me@example.com", resultCount: 4 });
    const row = await t.db.searchEvent.findUniqueOrThrow({ where: { id } });
    expect(Object.keys(row).sort()).toEqual(["createdAt", "id", "locale", "openedSlug", "query", "resultCount"]);
    expect(row).toMatchObject({ query: "mx record for [email]", resultCount: 4, openedSlug: null, locale: "en" });
  });

  it("notes the language searched in", async () => {
    const { id } = await record({ query: "Passwort ändern", resultCount: 1, locale: "de" });
    expect(await t.db.searchEvent.findUniqueOrThrow({ where: { id }, select: { query: true, locale: true } })).toEqual({
      query: "passwort ändern",
      locale: "de",
    });
  });

  it("notes the first result opened, once, and keeps it", async () => {
    const { id } = await record({ query: "mx", resultCount: 2 });
    expect(await recordSearchOpen({ db: t.db }, id, "mx-records", client)).toEqual({ id, openedSlug: "mx-records" });
    await expect(recordSearchOpen({ db: t.db }, id, "mx-records", client)).rejects.toMatchObject({ status: 409 });
    expect(await stored()).toEqual([{ query: "mx", resultCount: 2, openedSlug: "mx-records" }]);
  });

  it("records a search and its opened result in one go", async () => {
    await record({ query: "mx", resultCount: 2, openedSlug: "mx-records" });
    expect(await stored()).toEqual([{ query: "mx", resultCount: 2, openedSlug: "mx-records" }]);
  });

  it("refuses opens of unknown searches, unpublished or unknown articles, and searches without results, storing nothing", async () => {
    await expect(recordSearchOpen({ db: t.db }, "ckunknownunknownunknown1", "mx-records", client)).rejects.toMatchObject({ status: 404 });
    await expect(recordSearchOpen({ db: t.db }, "not an id!", "mx-records", client)).rejects.toMatchObject({ status: 404 });
    const { id } = await record({ query: "mx", resultCount: 2 });
    await expect(recordSearchOpen({ db: t.db }, id, "old-draft", client)).rejects.toMatchObject({ status: 422 });
    await expect(recordSearchOpen({ db: t.db }, id, "no-such-article", client)).rejects.toBeInstanceOf(HttpError);
    const empty = await record({ query: "xylophone", resultCount: 0 });
    await expect(recordSearchOpen({ db: t.db }, empty.id, "mx-records", client)).rejects.toMatchObject({ status: 422 });
    await expect(record({ query: "mx", resultCount: 1, openedSlug: "old-draft" })).rejects.toMatchObject({ status: 422 });
    await expect(record({ query: "mx", resultCount: 0, openedSlug: "mx-records" })).rejects.toMatchObject({ status: 422 });
    expect(await stored()).toEqual(
      expect.arrayContaining([
        { query: "mx", resultCount: 2, openedSlug: null },
        { query: "xylophone", resultCount: 0, openedSlug: null },
      ]),
    );
    expect(await t.db.searchEvent.count()).toBe(2);
  });
});
