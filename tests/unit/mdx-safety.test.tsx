import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MdxContent } from "@/components/mdx/mdx-content";
import { isAllowedUrl } from "@/lib/mdx/allowlist";
import { compileMdx } from "@/lib/mdx/compile";

function render(source: string) {
  const compiled = compileMdx(source);
  return { ...compiled, html: renderToStaticMarkup(<MdxContent tree={compiled.tree} />) };
}

// Each entry is something a careless or hostile author could write.
const hostile: [string, string, RegExp][] = [
  ["a script element", "<script>alert(1)</script>", /<script/i],
  ["an iframe", '<iframe src="https://evil.example"></iframe>', /<iframe/i],
  ["a javascript: link", "[click](javascript:alert(1))", /javascript:/i],
  ["an obfuscated javascript: link", "[click](JaVa&#x09;Script:alert(1))", /script:/i],
  ["a javascript: link definition", "[click][x]\n\n[x]: javascript:alert(1)", /javascript:/i],
  ["a data: image", "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)", /data:/i],
  ["a protocol-relative image", "![x](//evil.example/a.png)", /evil\.example/i],
  ["an event handler on an allowed component", '<Note onClick="alert(1)">hi</Note>', /onclick|alert/i],
  ["a style attribute", '<Note style="position:fixed">hi</Note>', /position:fixed/i],
  ["an expression attribute", "<Note title={alert(1)}>hi</Note>", /alert/i],
  ["a spread attribute", "<Note {...props}>hi</Note>", /props/i],
  ["an inline expression", "Total: {process.env.SECRET}", /process|SECRET/],
  ["a constructor escape", '{[].constructor.constructor("return process")()}', /constructor/],
  ["an import", 'import fs from "node:fs"\n\nHello', /node:fs/],
  ["an export", "export const x = 1\n\nHello", /export/],
  ["raw html with a handler", '<img src="x" onerror="alert(1)" />', /onerror/i],
  ["an anchor element", '<a href="javascript:alert(1)">x</a>', /javascript:/i],
  ["an object element", '<object data="evil.swf"></object>', /<object/i],
  ["a form", '<form action="https://evil.example"><input name="p" /></form>', /<form|<input/i],
  ["a fragment", "<>hidden</>", /hidden/],
  ["a member-expression component", "<Note.Inner>x</Note.Inner>", /Inner/],
];

describe("hostile MDX", () => {
  it.each(hostile)("refuses %s and leaves nothing of it in the page", (_name, source, leftover) => {
    const { problems, html } = render(source);
    expect(problems.length).toBeGreaterThan(0);
    expect(html).not.toMatch(leftover);
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<form|\son[a-z]+=|javascript:/i);
  });

  it("reports the line of each problem", () => {
    const { problems } = compileMdx("Fine line\n\n<script>x</script>\n\nAlso fine\n\n{1 + 1}\n");
    expect(problems.map((p) => p.line)).toEqual([3, 7]);
  });

  it("shifts line numbers by the frontmatter length when asked", () => {
    const { problems } = compileMdx("<iframe />", { lineOffset: 6 });
    expect(problems[0]?.line).toBe(7);
  });

  it("reports unclosed tags as a parse error with its line", () => {
    const { problems } = compileMdx("Hello\n\n<Note>\n\nunclosed\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBeGreaterThan(0);
  });
});

describe("allowed MDX", () => {
  it("renders callouts, steps, tables, code, keys, images and safe links", () => {
    const { problems, html, headings } = render(
      [
        "## Set up mail",
        '<Warning title="Before you start">\n\nBack up first.\n\n</Warning>',
        "<Steps>\n\n1. Open **cPanel**.\n2. Press <Kbd>Enter</Kbd>.\n\n</Steps>",
        "### Ports",
        "| Protocol | Port |\n| --- | --- |\n| IMAP | 993 |",
        "```\nmail.example.com\n```",
        "![The cPanel email page](/images/cpanel.png)",
        "[Docs](https://example.com) · [MX](/articles/mx-records) · [Mail us](mailto:help@example.com) · [Top](#set-up-mail)",
      ].join("\n\n"),
    );
    expect(problems).toEqual([]);
    expect(html).toContain("Before you start");
    expect(html).toContain('class="steps"');
    expect(html).toMatch(/<kbd[^>]*>Enter<\/kbd>/);
    expect(html).toMatch(/<td>993<\/td>/);
    expect(html).toContain("<code>mail.example.com");
    expect(html).toContain('alt="The cPanel email page"');
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('href="/articles/mx-records"');
    expect(html).toContain('href="mailto:help@example.com"');
    expect(headings).toEqual([
      { depth: 2, id: "set-up-mail", text: "Set up mail" },
      { depth: 3, id: "ports", text: "Ports" },
    ]);
    expect(html).toContain('id="set-up-mail"');
  });

  it("asks for alt text on images", () => {
    expect(compileMdx("![](/images/a.png)").problems[0]?.message).toMatch(/alt text/);
  });

  it("turns a # heading into a section heading and says why", () => {
    const { problems, headings } = compileMdx("# Title again\n\ntext");
    expect(problems[0]?.message).toMatch(/##/);
    expect(headings[0]?.depth).toBe(2);
  });
});

describe("URL schemes", () => {
  it.each([
    ["https://example.com", true],
    ["/articles/x", true],
    ["#section", true],
    ["mailto:a@b.c", true],
    ["tel:+61200000000", true],
    ["javascript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["java\tscript:alert(1)", false],
    ["vbscript:x", false],
    ["data:text/html,x", false],
    ["//evil.example", false],
  ])("%s allowed: %s", (url, allowed) => {
    expect(isAllowedUrl(url, ["http:", "https:", "mailto:", "tel:"])).toBe(allowed);
  });
});
