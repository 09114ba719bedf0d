// Search per language: the German analyzer, a German index with English articles standing in for
// those not translated yet, and typo correction that never crosses languages.
import { describe, expect, it } from "vitest";
import { analyzerFor, ENGLISH_ANALYZER, GERMAN_ANALYZER, germanTokens } from "@/lib/search/analyzers";
import { answerSearchRequest, searchApiSchema } from "@/lib/search/api";
import { SearchEngine } from "@/lib/search/engine";
import { foldGerman, stemGerman } from "@/lib/search/german";
import { highlightParts } from "@/lib/search/highlight";
import { buildSearchIndex, type SearchDocumentInput } from "@/lib/search/index-data";
import { tokenize } from "@/lib/search/tokenize";

function doc(slug: string, fields: Partial<SearchDocumentInput>): SearchDocumentInput {
  return { slug, title: slug, description: "", category: "Allgemein", tags: [], headings: [], body: "", ...fields };
}
const keys = (text: string) => germanTokens(text).map((t) => t.key);
const germanKey = (word: string) => GERMAN_ANALYZER.normalizeWord(word);

describe("the German analyzer", () => {
  it("folds case, umlauts (also typed as ae, oe, ue) and ß", () => {
    expect(foldGerman("Ändern")).toBe("andern");
    expect(foldGerman("aendern")).toBe("andern");
    expect(foldGerman("Größe")).toBe("grosse");
    expect(foldGerman("Groesse")).toBe("grosse");
    expect(foldGerman("Straße")).toBe("strasse");
    expect(foldGerman("Übersicht")).toBe("ubersicht");
    expect(foldGerman("Uebersicht")).toBe("ubersicht");
    // ue after a vowel or q is not an ü.
    expect(foldGerman("Feuer")).toBe("feuer");
    expect(foldGerman("neue")).toBe("neue");
    expect(foldGerman("Quelle")).toBe("quelle");
  });

  it("stems plurals and inflections to one key (CISTEM)", () => {
    expect(germanKey("Passwörter")).toBe(germanKey("Passwort"));
    expect(germanKey("Passwortes")).toBe(germanKey("Passwort"));
    expect(germanKey("Einstellungen")).toBe(germanKey("Einstellung"));
    expect(germanKey("Einstellungen")).toBe("einstellung");
    expect(germanKey("ändern")).toBe(germanKey("geändert"));
    expect(germanKey("ändern")).toBe(germanKey("aendern"));
    expect(germanKey("Rechnungen")).toBe(germanKey("Rechnung"));
    expect(germanKey("Postfächer")).toBe(germanKey("Postfach"));
    expect(germanKey("Straße")).toBe(germanKey("Strasse"));
    expect(germanKey("Weiterleitungen")).toBe(germanKey("Weiterleitung"));
    // Short words and words with digits stay as they are.
    expect(stemGerman("ssl")).toBe("ssl");
    expect(stemGerman("ipv6")).toBe("ipv6");
  });

  it("leaves out German stopwords, keeps names whole and in parts, and has no English contractions", () => {
    expect(keys("Das Passwort für das Postfach ändern")).toEqual([germanKey("Passwort"), germanKey("Postfach"), germanKey("ändern")]);
    expect(germanTokens("E-Mail-Adresse")[0]).toMatchObject({ key: germanKey("emailadresse"), parts: ["e", "mail", germanKey("adresse")] });
    expect(keys("wp-config.php")).toEqual(["wp-config.php"]);
    expect(keys("Port 993")).toEqual([germanKey("Port"), "993"]);
    // An apostrophe only joins; "can't" is not English here.
    expect(keys("geht's")).toEqual([germanKey("gehts")]);
    expect(keys("can't")).toEqual([germanKey("cant")]);
    // A stem that looks like a stopword is kept: "Waren" (goods) is not "war" (was).
    expect(keys("Waren")).toEqual([germanKey("Waren")]);
  });

  it("keeps English exactly as it was", () => {
    expect(analyzerFor(undefined)).toBe(ENGLISH_ANALYZER);
    expect(analyzerFor("en")).toBe(ENGLISH_ANALYZER);
    expect(analyzerFor("de")).toBe(GERMAN_ANALYZER);
    expect(ENGLISH_ANALYZER.tokens("Can't log in").flatMap((t) => [t.key, ...t.parts])).toEqual(tokenize("Can't log in"));
  });
});

const GERMAN_DOCS: SearchDocumentInput[] = [
  doc("passwort-aendern", {
    title: "Passwort ändern",
    description: "So ändern Sie das Passwort Ihres Postfachs.",
    body: "Öffnen Sie die Einstellungen und wählen Sie Passwort.",
  }),
  doc("weiterleitung", {
    title: "E-Mail-Weiterleitung einrichten",
    description: "Nachrichten an eine andere Adresse weiterleiten.",
    body: "Die Weiterleitung gilt für alle neuen Nachrichten.",
  }),
  doc("postfach-einstellungen", {
    title: "Einstellungen des Postfachs",
    description: "Größe, Abwesenheitsnotiz und Filter.",
    body: "Hier finden Sie alle Einstellungen.",
  }),
];
const FALLBACK = doc("download-invoices", {
  title: "Download your invoices",
  description: "Find every invoice of your account as a PDF.",
  category: "Billing",
  body: "Open Billing and choose Invoices. Downloading them takes a second; configured reminders are kept.",
  language: "en",
});
const germanIndex = () => buildSearchIndex([...GERMAN_DOCS, FALLBACK], undefined, "de");

describe("a German index with an English article standing in", () => {
  const engine = new SearchEngine(germanIndex());
  const slugs = (query: string) => engine.search(query, 10).map((r) => r.slug);

  it("records its language and its fallback articles", () => {
    const data = germanIndex();
    expect(data.language).toBe("de");
    expect(data.fallback).toEqual({ en: [3] });
    expect(engine.language).toBe("de");
  });

  it("finds German articles by German words in any form, with or without umlauts", () => {
    expect(slugs("Passwörter")[0]).toBe("passwort-aendern");
    expect(slugs("Passwort ändern")[0]).toBe("passwort-aendern");
    expect(slugs("aendern")[0]).toBe("passwort-aendern");
    expect(slugs("geändert")[0]).toBe("passwort-aendern");
    expect(slugs("Einstellung")[0]).toBe("postfach-einstellungen");
    expect(slugs("Groesse")).toEqual(["postfach-einstellungen"]);
    expect(slugs("Weiterleitungen")[0]).toBe("weiterleitung");
  });

  it("completes the word being typed from what was typed, not only from its stem", () => {
    // "Einste" is stemmed to "ein"; it still completes to Einstellungen.
    expect(slugs("Einste")).toContain("postfach-einstellungen");
    expect(slugs("Weiterl")[0]).toBe("weiterleitung");
    // A whole word is not also taken as the start of longer ones of its stem's ("Passwörter" is not "password").
    const withEnglishPassword = new SearchEngine(
      buildSearchIndex([...GERMAN_DOCS, doc("reset-password", { title: "Reset your password", language: "en" })], undefined, "de"),
    );
    expect(withEnglishPassword.search("Passwörter").map((r) => r.slug)).toEqual(["passwort-aendern"]);
    expect(withEnglishPassword.search("Passw").map((r) => r.slug)).toEqual(expect.arrayContaining(["passwort-aendern", "reset-password"]));
  });

  it("finds the English article by English words, and marks it with its language", () => {
    const [first] = engine.search("invoices", 10);
    expect(first).toMatchObject({ slug: "download-invoices", language: "en" });
    // English forms whose German key differs are read with the English analyzer too.
    expect(slugs("downloading")).toEqual(["download-invoices"]);
    expect(slugs("configured reminders")).toEqual(["download-invoices"]);
    expect(slugs("invo")).toEqual(["download-invoices"]);
    // English stopwords are no words to look for in them ("how", "to" and "your" are not in German articles either).
    expect(engine.answer("how to download your invoices")).toMatchObject({
      results: [{ slug: "download-invoices", score: engine.search("download invoices")[0]!.score }],
    });
    // German articles carry no marker.
    expect(engine.search("Passwort", 10).every((r) => r.language === undefined)).toBe(true);
  });

  it("corrects German typos to German words", () => {
    const answer = engine.answer("Passwrt");
    expect(answer.results[0]?.slug).toBe("passwort-aendern");
    expect(answer.correctedQuery).toBe("passwort");
  });

  it("never corrects a word into one only the English article has", () => {
    for (const typo of ["inovice", "downlaod", "remindres"]) {
      expect(engine.answer(typo)).toEqual({ results: [], correctedQuery: null });
      // The same article in an English index is found through the correction.
      const english = new SearchEngine(buildSearchIndex([{ ...FALLBACK, language: undefined }]));
      expect(english.answer(typo)).toMatchObject({ results: [{ slug: "download-invoices" }], correctedQuery: expect.any(String) });
    }
  });

  it("marks matched words in German text with German keys", () => {
    const [first] = engine.search("Passwörter ändern", 1);
    expect(highlightParts(first!.title, first!.matchedTerms, "de")).toEqual([
      { text: "Passwort", match: true },
      { text: " ", match: false },
      { text: "ändern", match: true },
    ]);
  });
});

describe("an English index", () => {
  it("is built as before, recording English as its language", () => {
    const data = buildSearchIndex([FALLBACK].map((d) => ({ ...d, language: undefined })));
    expect(data.language).toBe("en");
    expect(data.fallback).toBeUndefined();
    expect(buildSearchIndex(GERMAN_DOCS)).toEqual(buildSearchIndex(GERMAN_DOCS, undefined, "en"));
  });
});

describe("/api/search's locale", () => {
  it("defaults to the default language and refuses an unknown one", async () => {
    expect(searchApiSchema.parse({ q: "x" }).locale).toBe("en");
    expect(searchApiSchema.parse({ q: "x", locale: "de" }).locale).toBe("de");
    const refused = await answerSearchRequest(new URLSearchParams({ q: "passwort", locale: "xx" }));
    expect(refused).toEqual({ status: 400, body: { error: "locale must be one of en, de." } });
  });
});
