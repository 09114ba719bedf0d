// What search engines, feed readers and language models are handed: the public address, structured
// data, the questions-and-answers rule, and the XML and text documents, with hostile titles.
import { describe, expect, it } from "vitest";
import { compileMdx } from "@/lib/mdx/compile";
import type { PublishedArticle } from "@/lib/articles/reads";
import { buildAtomFeed } from "@/lib/feeds/atom";
import { buildLlmsFullTxt, buildLlmsTxt } from "@/lib/feeds/llms";
import { buildOpenSearchDescription } from "@/lib/feeds/opensearch";
import { buildSitemap } from "@/lib/feeds/sitemap";
import { escapeXml } from "@/lib/feeds/xml";
import { escapeMarkdownText } from "@/lib/articles/markdown";
import { questionsAndAnswers } from "@/lib/seo/faq";
import { cardText } from "@/lib/seo/social-card";
import { articleJsonLd, faqJsonLd, serializeJsonLd, websiteJsonLd } from "@/lib/seo/structured-data";
import { absoluteUrl, FALLBACK_SITE_URL, siteOrigin, siteUrlWarning } from "@/lib/site-url";

const ORIGIN = "https://help.example.com";
const HOSTILE_TITLE = 'Tom & Jerry\'s <script>alert("x")</script> ]]> guide';

function article(overrides: Partial<PublishedArticle> = {}): PublishedArticle {
  return {
    id: "a1",
    locale: "en",
    sourceId: "a1",
    slug: "tom-and-jerry",
    title: HOSTILE_TITLE,
    description: "Cats & mice <b>bold</b>, \u0007 and a bell.",
    categorySlug: "email",
    categoryName: "Email & more",
    revisionId: "r1",
    tags: ["cats"],
    updatedAt: new Date("2026-11-20T00:00:00Z"),
    ...overrides,
  };
}

describe("the public address", () => {
  it("comes from SITE_URL, without its path, and falls back to localhost with a warning", () => {
    expect(siteOrigin("https://help.example.com/")).toBe("https://help.example.com");
    expect(absoluteUrl("/sitemap.xml", "https://help.example.com:8443")).toBe("https://help.example.com:8443/sitemap.xml");
    expect(siteOrigin(undefined)).toBe(FALLBACK_SITE_URL);
    expect(siteUrlWarning(undefined)).toMatch(/SITE_URL is not set.*http:\/\/localhost:3000/);
    expect(siteUrlWarning("https://example.com/help")).toMatch(/has a path \(\/help\)/);
    expect(siteUrlWarning("https://help.example.com")).toBeNull();
  });
});

describe("structured data", () => {
  it("cannot end its script element or open a comment, whatever a title holds, and reads back the same", () => {
    const data = articleJsonLd({ ...article(), imagePath: "/articles/x/og.png", wordCount: 10 }, ORIGIN);
    const json = serializeJsonLd([data, faqJsonLd([{ question: "</script><!--?", answer: "a & b \u2028" }])]);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual([data, faqJsonLd([{ question: "</script><!--?", answer: "a & b \u2028" }])]);
  });

  it("describes the site with a search box for the home page", () => {
    expect(websiteJsonLd(ORIGIN)).toMatchObject({
      "@type": "WebSite",
      url: `${ORIGIN}/`,
      potentialAction: {
        "@type": "SearchAction",
        target: { urlTemplate: `${ORIGIN}/search?q={search_term_string}` },
        "query-input": "required name=search_term_string",
      },
    });
  });
});

describe("questions-and-answers articles", () => {
  const faqOf = (source: string) => questionsAndAnswers(compileMdx(source).tree);

  it("are those whose every ## heading is a question: each heading a question, its section the answer", () => {
    const entries = faqOf(
      "Short answer first.\n\n## Can I keep my address?\n\nYes. Nothing changes.\n\n### Details\n\nMore **here**.\n\n## How long does it take?\n\n<Note>\n\nAbout a day.\n\n</Note>\n",
    );
    expect(entries).toEqual([
      { question: "Can I keep my address?", answer: "Yes. Nothing changes.\n\nDetails\n\nMore here." },
      { question: "How long does it take?", answer: "About a day." },
    ]);
  });

  it("leave out articles with a section that is not a question, a single question, or a question without an answer", () => {
    expect(faqOf("## Can I?\n\nYes.\n\n## Steps\n\n1. Do it.\n")).toBeNull();
    expect(faqOf("## Can I?\n\nYes.\n")).toBeNull();
    expect(faqOf("## Can I?\n\n## Why?\n\nBecause.\n")).toBeNull();
    expect(faqOf("No headings at all.\n")).toBeNull();
  });
});

describe("XML documents", () => {
  it("escape markup characters and leave out characters XML forbids", () => {
    expect(escapeXml(`a & b < c > d " e ' f \u0000\u0007\u001f g \uD800 h`)).toBe("a &amp; b &lt; c &gt; d &quot; e &apos; f  g  h");
  });

  it("the sitemap lists pages, categories and articles with their dates, in every language", () => {
    const a = article();
    const untranslated = article({ id: "a2", sourceId: "a2", slug: "untranslated" });
    const translation = article({ id: "t1", sourceId: "a1", locale: "de", slug: "tom-und-jerry", updatedAt: new Date("2026-11-25T00:00:00Z") });
    const xml = buildSitemap(
      {
        articles: [a, untranslated],
        translations: [translation],
        categories: [{ slug: "email", name: "Email", description: "", articles: [a], updatedAt: a.updatedAt }],
        updatedAt: translation.updatedAt,
      },
      ORIGIN,
    );
    const alternates = (en: string, de: string) =>
      `<xhtml:link rel="alternate" hreflang="en-AU" href="${ORIGIN}${en}"/><xhtml:link rel="alternate" hreflang="de-DE" href="${ORIGIN}${de}"/>` +
      `<xhtml:link rel="alternate" hreflang="x-default" href="${ORIGIN}${en}"/>`;
    expect(xml).toContain(`<url><loc>${ORIGIN}/</loc><lastmod>2026-11-25</lastmod>${alternates("/", "/de")}</url>`);
    expect(xml).toContain(`<url><loc>${ORIGIN}/de</loc><lastmod>2026-11-25</lastmod>${alternates("/", "/de")}</url>`);
    expect(xml).toContain(
      `<url><loc>${ORIGIN}/categories/email</loc><lastmod>2026-11-20</lastmod>${alternates("/categories/email", "/de/categories/email")}</url>`,
    );
    expect(xml).toContain(`<url><loc>${ORIGIN}/contact</loc>${alternates("/contact", "/de/contact")}</url>`);
    // An article and its translation name each other; each has its own date.
    const pair = alternates("/articles/tom-and-jerry", "/de/articles/tom-und-jerry");
    expect(xml).toContain(`<url><loc>${ORIGIN}/articles/tom-and-jerry</loc><lastmod>2026-11-20</lastmod>${pair}</url>`);
    expect(xml).toContain(`<url><loc>${ORIGIN}/de/articles/tom-und-jerry</loc><lastmod>2026-11-25</lastmod>${pair}</url>`);
    // An untranslated article is listed once, with no alternates: its German fallback page points here as canonical.
    expect(xml).toContain(`<url><loc>${ORIGIN}/articles/untranslated</loc><lastmod>2026-11-20</lastmod></url>`);
    expect(xml).not.toContain("/de/articles/untranslated");
  });

  it("the Atom feed escapes titles and summaries, newest first", () => {
    const older = article({ id: "a0", slug: "older", title: "Older", updatedAt: new Date("2026-01-01T00:00:00Z") });
    const xml = buildAtomFeed({ articles: [older, article()], updatedAt: article().updatedAt }, ORIGIN);
    expect(xml).toContain('<title type="text">Tom &amp; Jerry&apos;s &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ]]&gt; guide</title>');
    expect(xml).toContain('<summary type="text">Cats &amp; mice &lt;b&gt;bold&lt;/b&gt;,  and a bell.</summary>');
    expect(xml).toContain('label="Email &amp; more"');
    expect(xml).not.toContain("<script>");
    expect(xml.indexOf("tom-and-jerry")).toBeLessThan(xml.indexOf("/articles/older"));
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${ORIGIN}/feed.xml"/>`);
  });

  it("the OpenSearch description sends browsers to the search page", () => {
    const xml = buildOpenSearchDescription(ORIGIN);
    expect(xml).toContain(`<Url type="text/html" method="get" template="${ORIGIN}/search?q={searchTerms}"/>`);
    expect(xml).toMatch(/<ShortName>.{1,16}<\/ShortName>/);
  });
});

describe("llms.txt", () => {
  it("has the site's name, a summary and a section per category linking each article's Markdown", () => {
    const a = article();
    const text = buildLlmsTxt({ categories: [{ slug: "email", name: "Email", description: "", articles: [a], updatedAt: a.updatedAt }] }, ORIGIN);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^# \S/);
    expect(lines[2]).toMatch(/^> \S/);
    expect(text).toContain("\n## Email\n");
    expect(text).toContain(
      `- [Tom & Jerry's \\<script>alert("x")\\</script> \\]\\]> guide](${ORIGIN}/articles/tom-and-jerry.md): Cats & mice \\<b>bold\\</b>, and a bell.\n`,
    );
  });

  it("llms-full.txt puts each article's Markdown after the site's heading, separated by rules", () => {
    const text = buildLlmsFullTxt(["# One\n\nBody one.\n", "# Two\n\nBody two.\n"]);
    expect(text).toMatch(/^# .+\n\n> .+\n\n---\n\n# One\n\nBody one.\n\n---\n\n# Two\n\nBody two.\n$/);
  });

  it("escapes what would start markup in titles", () => {
    expect(escapeMarkdownText("[Click](x) *now* <b> &amp; & `code`")).toBe("\\[Click\\](x) \\*now\\* \\<b> \\&amp; & \\`code\\`");
  });
});

describe("share cards", () => {
  it("keep only what the bundled font draws, so nothing is fetched", () => {
    expect(cardText("Café – “quotes” … Łódź → next")).toBe("Café – “quotes” … Łódź -> next");
    expect(cardText("Emoji 🎉 and 中文 gone\u0000")).toBe("Emoji and gone");
  });
});

describe("drawing a share card", () => {
  it("draws a 1200×630 PNG from the bundled font, fetching nothing, even for the longest title and description", async () => {
    const { socialCardPng } = await import("@/lib/seo/social-card");
    const realFetch = globalThis.fetch;
    const fetched: string[] = [];
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      // The renderer's own WebAssembly arrives as a data: URL; anything else would be the network.
      if (String(input).startsWith("data:")) return realFetch(input, init);
      fetched.push(String(input));
      return Promise.reject(new Error("no network in a share card"));
    }) as typeof fetch;
    try {
      const png = await socialCardPng(`test-${Date.now()}`, {
        kicker: "Domains & DNS",
        title: "W".repeat(60) + " " + "long words ".repeat(6) + "🎉 中文",
        description: "A description of two hundred characters. ".repeat(5),
      });
      expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      expect(fetched).toEqual([]);
      if (process.env.CARD_PREVIEW) (await import("node:fs")).writeFileSync(process.env.CARD_PREVIEW, png);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
