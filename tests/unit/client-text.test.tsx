// The interface strings of client components (lib/i18n/messages/<code>/{rating,contact,search-box,
// theme}.json): every language says the same things with the same placeholders, filled in with the
// language's own plural rules and numbers (lib/i18n/fill-text.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { problemText } from "@/components/contact/problem-text";
import { ClientTextProvider, FillText } from "@/components/i18n/client-text";
import { CorrectionNotice } from "@/components/search/highlighted";
import { ThemeSwitch } from "@/components/theme/theme-switch";
import { contactSchema } from "@/lib/contact/schema";
import { fillParts, fillText, formatNumber, pluralText } from "@/lib/i18n/fill-text";
import { LOCALES, languageTag } from "@/lib/i18n/locales";
import { clientMessages } from "@/lib/i18n/messages";

const FILES = ["rating", "contact", "search-box", "theme"];
const PLURAL_RULES = new Set(["zero", "one", "two", "few", "many", "other"]);

type Tree = { [key: string]: string | Tree };

const read = (code: string, file: string): Tree =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../../lib/i18n/messages", code, `${file}.json`), "utf8")) as Tree;

const isPlural = (value: string | Tree): value is Record<string, string> =>
  typeof value === "object" && "other" in value && Object.keys(value).every((key) => PLURAL_RULES.has(key));

/** Every message by its path ("labels.happy"); a plural's forms are one message ("found"). */
function flatten(tree: Tree, prefix = ""): Map<string, string | Record<string, string>> {
  const out = new Map<string, string | Record<string, string>>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string" || isPlural(value)) out.set(name, value);
    else for (const [inner, message] of flatten(value, name)) out.set(inner, message);
  }
  return out;
}

const placeholders = (message: string) => [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();

describe("the client components' message files", () => {
  const others = LOCALES.filter((code) => code !== "en");

  it.each(FILES.flatMap((file) => others.map((code) => [file, code])))("%s.json in %s has English's keys and placeholders", (file, code) => {
    const english = flatten(read("en", file!));
    const translated = flatten(read(code!, file!));
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    const categories = new Intl.PluralRules(languageTag(code!)).resolvedOptions().pluralCategories;
    for (const [key, message] of english) {
      const theirs = translated.get(key)!;
      if (typeof message === "string") {
        expect({ key, placeholders: placeholders(theirs as string) }).toEqual({ key, placeholders: placeholders(message) });
        continue;
      }
      // A plural: the forms the language's own rules pick, each with the English "other" form's placeholders.
      expect(typeof theirs, key).toBe("object");
      const forms = theirs as Record<string, string>;
      for (const category of categories) expect(forms[category], `${key}.${category}`).toEqual(expect.any(String));
      for (const [form, text] of Object.entries(forms))
        expect({ key, form, placeholders: placeholders(text) }).toEqual({ key, form, placeholders: placeholders(message.other!) });
    }
  });

  it("has no empty message and no stray braces", () => {
    for (const code of LOCALES)
      for (const file of FILES)
        for (const [key, message] of flatten(read(code, file)))
          for (const text of typeof message === "string" ? [message] : Object.values(message)) {
            expect(text.trim(), `${code}/${file}: ${key}`).not.toBe("");
            expect(text.replace(/\{\w+\}/g, ""), `${code}/${file}: ${key}`).not.toMatch(/[{}]/);
          }
  });

  it("gives each language's strings to the provider, German in German", async () => {
    const german = await clientMessages("de");
    expect(german.Rating.labels).toEqual({ happy: "Zufrieden", normal: "Neutral", sad: "Unzufrieden" });
    expect((await clientMessages("en")).Theme.choices.light).toBe("Light");
  });
});

describe("fillText, fillParts, formatNumber and pluralText", () => {
  it("fills placeholders and leaves unknown ones as written", () => {
    expect(fillText("Danke, {name}. {missing}", { name: "Ada {x} $&" })).toBe("Danke, Ada {x} $&. {missing}");
  });

  it("splits a template at its placeholders for elements", () => {
    expect(fillParts("Try other words, or {link}.", { link: 1n })).toEqual(["Try other words, or ", 1n, "."]);
    expect(fillParts("{a}{b} and {c}", { a: "x", b: 2 })).toEqual(["x2 and {c}"]);
    expect(fillParts("{link}", { link: null })).toEqual([null]);
  });

  it("writes numbers as the language does", () => {
    expect(formatNumber("de-DE", 5000)).toBe("5.000");
    expect(formatNumber("en-AU", 5000)).toBe("5,000");
    expect(formatNumber("de-DE", 1000, { useGrouping: "min2" })).toBe("1000");
    expect(formatNumber("de-DE", 12345, { useGrouping: "min2" })).toBe("12.345");
    expect(formatNumber("de-DE", 2.5)).toBe("2,5");
  });

  it("picks the plural form with the language's rules and writes the count for it", () => {
    const found = { one: "{count} Artikel gefunden für {query}.", other: "{count} Artikel gefunden für {query}!" };
    expect(pluralText("de-DE", found, 1, { query: "dns" })).toBe("1 Artikel gefunden für dns.");
    expect(pluralText("de-DE", found, 0, { query: "dns" })).toBe("0 Artikel gefunden für dns!");
    expect(pluralText("de-DE", found, 12345, { query: "dns" })).toBe("12.345 Artikel gefunden für dns!");
    expect(pluralText("en-AU", { one: "{count} article", other: "{count} articles" }, 2)).toBe("2 articles");
    // A form the message file leaves out falls back to "other"; Polish has "few".
    expect(pluralText("pl-PL", { one: "{count} artykuł", other: "{count} artykułów" }, 3)).toBe("3 artykułów");
    expect(pluralText("pl-PL", { one: "{count} artykuł", few: "{count} artykuły", other: "{count} artykułów" }, 3)).toBe("3 artykuły");
  });
});

describe("the contact form's own check", () => {
  const issues = (input: Record<string, string>) => {
    const parsed = contactSchema.safeParse({ name: "Ada", email: "ada@example.com", message: "A long enough message.", formToken: "t", ...input });
    return parsed.success ? [] : parsed.error.issues;
  };
  const cases: Record<string, string>[] = [
    { name: " " },
    { name: "x".repeat(101) },
    { email: "nope" },
    { email: `${"x".repeat(250)}@example.com` },
    { message: "short" },
    { message: "x".repeat(5001) },
  ];

  it("says in English exactly what the schema says", async () => {
    const { Contact } = await clientMessages("en");
    for (const input of cases) for (const issue of issues(input)) expect(problemText(issue, Contact, "en-AU")).toBe(issue.message);
  });

  it("says it in German, with German numbers", async () => {
    const { Contact } = await clientMessages("de");
    const say = (input: Record<string, string>) => issues(input).map((issue) => problemText(issue, Contact, "de-DE"));
    expect(say({ name: " " })).toEqual(["Bitte nennen Sie uns Ihren Namen."]);
    expect(say({ message: "x".repeat(5001) })).toEqual(["Ihre Nachricht darf höchstens 5.000 Zeichen lang sein."]);
    expect(say({ email: "nope" })).toEqual(["Bitte geben Sie eine E-Mail-Adresse wie name@example.com ein."]);
  });
});

describe("client components in the page's language", () => {
  const inLanguage = async (code: string, node: React.ReactNode) =>
    renderToStaticMarkup(
      <ClientTextProvider locale={code} tag={languageTag(code)} text={await clientMessages(code)}>
        {node}
      </ClientTextProvider>,
    );
  const textOf = (html: string) => html.replace(/<[^>]+>/g, "");

  it("labels the theme switch, in English where there is no provider (staff pages)", async () => {
    expect(renderToStaticMarkup(<ThemeSwitch />)).toContain('title="Theme: System. Switch to Light"');
    expect(renderToStaticMarkup(<ThemeSwitch />)).toContain('<span class="sr-only">Theme: System</span>');
    expect(await inLanguage("de", <ThemeSwitch />)).toContain('title="Farbschema: System. Zu „Hell“ wechseln"');
  });

  it("fills a message with elements", async () => {
    const html = await inLanguage("de", <CorrectionNotice query="pasword" correctedQuery="password" />);
    expect(textOf(html)).toBe("Es werden Ergebnisse für password angezeigt. Stattdessen nach pasword suchen.");
    expect(textOf(await inLanguage("en", <CorrectionNotice query="pasword " correctedQuery="password" />))).toBe(
      "Showing results for password. Search instead for pasword.",
    );
    expect(renderToStaticMarkup(<FillText template="a {b} c" values={{ b: <b>x</b> }} />)).toBe("a <b>x</b> c");
  });
});
