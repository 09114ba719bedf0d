// The server's search indexes per language: one per audience and language, each with its own
// version (so its own key in Redis) and file, built from that language's list of articles.
import { beforeEach, describe, expect, it, vi } from "vitest";

const listed = vi.hoisted(() => ({ calls: [] as [string, string][], version: "v1" }));

const passwort = {
  slug: "passwort-aendern",
  title: "Passwort ändern",
  description: "So ändern Sie das Passwort Ihres Postfachs.",
  categorySlug: "konto",
  categoryName: "Konto",
  tags: [],
  body: "Öffnen Sie die Einstellungen.",
  audience: "public" as const,
};
const invoices = {
  slug: "download-invoices",
  title: "Download your invoices",
  description: "Every invoice as a PDF.",
  categorySlug: "billing",
  categoryName: "Billing",
  tags: [],
  body: "Open Billing and choose Invoices.",
  audience: "public" as const,
};

vi.mock("@/lib/context", () => ({ siteContext: () => ({ db: {} }) }));
vi.mock("@/lib/articles/reads", () => ({
  listSearchableArticles: async (_ctx: unknown, readers: string, locale: string) => {
    listed.calls.push([readers, locale]);
    return locale === "de" ? [passwort, { ...invoices, language: "en" }] : [invoices];
  },
  getContentVersion: async () => listed.version,
}));
vi.mock("@/lib/search/rules-source", () => ({
  getSearchRulesVersion: async () => "r1",
  loadSearchRules: async () => ({ synonyms: [], pins: [] }),
}));

const { getSearchIndex, refreshSearchIndexSoon } = await import("@/lib/search/server");
const { answerSearchRequest } = await import("@/lib/search/api");
const { GET: getIndexFile } = await import("@/app/search-index/[file]/route");

const file = (name: string) => getIndexFile(new Request(`http://localhost/search-index/${name}`), { params: Promise.resolve({ file: name }) });

describe("search indexes per language", () => {
  beforeEach(() => {
    listed.calls = [];
  });

  it("builds one index per audience and language, each from its language's articles and with its own version", async () => {
    const en = await getSearchIndex();
    const de = await getSearchIndex("customers", "de");
    expect(listed.calls).toEqual([
      ["customers", "en"],
      ["customers", "de"],
    ]);
    expect(en.locale).toBe("en");
    expect(de.locale).toBe("de");
    expect(en.version).toBe("customers:en:v1|r1");
    expect(de.version).toBe("customers:de:v1|r1");
    expect(de.hash).not.toBe(en.hash);
    expect(en.engine.language).toBe("en");
    expect(de.engine.language).toBe("de");
    // Kept: asked again, nothing is rebuilt.
    expect(await getSearchIndex("customers", "de")).toBe(de);
    expect(listed.calls).toHaveLength(2);
  });

  it("names each language's file apart, and serves it", async () => {
    const en = await getSearchIndex();
    const de = await getSearchIndex("customers", "de");
    expect(en.source).toEqual({ mode: "client", indexUrl: `/search-index/${en.hash}.json` });
    expect(de.source).toEqual({ mode: "client", indexUrl: `/search-index/${de.hash}.de.json` });
    const served = await file(`${de.hash}.de.json`);
    expect(served.status).toBe(200);
    expect(((await served.json()) as { language: string }).language).toBe("de");
    expect((await file(`${en.hash}.json`)).status).toBe(200);
    // An old German name goes to the current German file, never to another language's.
    const old = await file("0123456789abcdef.de.json");
    expect(old.status).toBe(307);
    expect(old.headers.get("location")).toBe(`/search-index/${de.hash}.de.json`);
    expect((await file(`${de.hash}.json`)).headers.get("location")).toBe(`/search-index/${en.hash}.json`);
    expect((await file(`${en.hash}.en.json`)).status).toBe(404);
    expect((await file(`${en.hash}.xx.json`)).status).toBe(404);
  });

  it("answers /api/search in the language asked for, with the fallback marked", async () => {
    const german = await answerSearchRequest(new URLSearchParams({ q: "Passwörter", locale: "de" }));
    expect(german).toMatchObject({ status: 200, body: { query: "Passwörter", locale: "de", results: [{ slug: "passwort-aendern" }] } });
    const fallback = await answerSearchRequest(new URLSearchParams({ q: "invoices", locale: "de" }));
    expect(fallback).toMatchObject({ status: 200, body: { results: [{ slug: "download-invoices", language: "en" }] } });
    const english = await answerSearchRequest(new URLSearchParams({ q: "invoices" }));
    expect(english).toMatchObject({ status: 200, body: { locale: "en", results: [{ slug: "download-invoices" }] } });
    expect((english.body as { results: { language?: string }[] }).results[0]!.language).toBeUndefined();
    expect(await answerSearchRequest(new URLSearchParams({ q: "x", locale: "fr" }))).toEqual({
      status: 400,
      body: { error: "locale must be one of en, de." },
    });
  });

  it("rebuilds every language's index built so far when content changes", async () => {
    await getSearchIndex("customers", "de");
    listed.version = "v2";
    listed.calls = [];
    refreshSearchIndexSoon();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listed.calls).toEqual(
      expect.arrayContaining([
        ["customers", "en"],
        ["customers", "de"],
      ]),
    );
    expect((await getSearchIndex("customers", "de")).version).toBe("customers:de:v2|r1");
  });
});
