// An article as plain Markdown (/articles/<slug>.md, llms-full.txt): every component of the
// registry turned into what it means in Markdown, checked on hand-written cases and on the whole
// library as it ships.
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString as mdastToString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { readLibrary } from "@/lib/content/library";
import { ALLOWED_COMPONENTS } from "@/lib/mdx/allowlist";
import { compileMdx } from "@/lib/mdx/compile";
import { mdxToMarkdown } from "@/lib/mdx/to-markdown";
import { siteConfig } from "@/lib/site-config";
import { CONTENT_DIR } from "../support/library";

const ORIGIN = "https://help.example.com";
const convert = (source: string, options: { origin?: string } = { origin: ORIGIN }) => {
  const { markdown, problems } = mdxToMarkdown(source, options);
  expect(problems).toEqual([]);
  return markdown;
};
/** Reads Markdown back as plain CommonMark + GFM would (no MDX): what any Markdown reader sees. */
const read = (markdown: string) => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

describe("MDX to plain Markdown", () => {
  it("turns each callout into a blockquote that starts with its label", () => {
    const markdown = convert("<Note>\n\nA note.\n\n</Note>\n\n<Tip>\n\nA tip.\n\n</Tip>\n\n<Warning>\n\nA warning.\n\nSecond paragraph.\n\n</Warning>\n");
    expect(markdown).toBe("> **Note:** A note.\n\n> **Tip:** A tip.\n\n> **Warning:** A warning.\n>\n> Second paragraph.\n");
    expect(read(markdown).children.map((node) => node.type)).toEqual(["blockquote", "blockquote", "blockquote"]);
  });

  it("gives a callout with a title its label and title as a line of their own", () => {
    expect(convert('<Warning title="Back up first">\n\nCopy your files.\n\n</Warning>\n')).toBe("> **Warning: Back up first**\n>\n> Copy your files.\n");
  });

  it("turns <Steps> into a numbered list, also when the author wrote bullets", () => {
    expect(convert("<Steps>\n\n1. Log in.\n2. Open **Email**.\n\n</Steps>\n")).toBe("1. Log in.\n2. Open **Email**.\n");
    const fromBullets = convert("<Steps>\n\n- Log in.\n- Open Email.\n\n</Steps>\n");
    expect(fromBullets).toBe("1. Log in.\n2. Open Email.\n");
    const list = read(fromBullets).children[0];
    expect(list).toMatchObject({ type: "list", ordered: true });
  });

  it("keeps a callout inside a step inside the step", () => {
    const markdown = convert("<Steps>\n\n1. Log in.\n\n   <Tip>\n\n   Use the Client Area.\n\n   </Tip>\n\n2. Done.\n\n</Steps>\n");
    expect(markdown).toBe("1. Log in.\n\n   > **Tip:** Use the Client Area.\n\n2. Done.\n");
  });

  it("writes keys as code, inline and on a line of their own", () => {
    expect(convert("Press <Kbd>Ctrl</Kbd> + <Kbd>F5</Kbd> to reload.\n")).toBe("Press `Ctrl` + `F5` to reload.\n");
    expect(convert("<Kbd>Enter</Kbd>\n")).toBe("`Enter`\n");
  });

  it("prints brand values, and https ones as links", () => {
    const { nameserver1, clientAreaUrl } = siteConfig.articleValues;
    expect(convert('Use **<Var name="nameserver1" />** at <Var name="clientAreaUrl" />.\n')).toBe(`Use **${nameserver1}** at <${clientAreaUrl}>.\n`);
  });

  it("keeps settings tables as Markdown tables", () => {
    const markdown = convert('| Setting | Value |\n| --- | --- |\n| Port | `993` |\n| Server | <Var name="nameserver1" /> |\n');
    const table = read(markdown).children[0];
    expect(table?.type).toBe("table");
    expect(mdastToString(table!)).toContain("993");
    expect(markdown).toContain(`| Server  | ${siteConfig.articleValues.nameserver1} |`);
  });

  it("keeps code as written, components and # lines included", () => {
    const source = "```bash\n# a comment\necho '<Note>' && ls\n```\n\nRun `<Kbd>x</Kbd>` literally.\n";
    expect(convert(source)).toBe(source);
  });

  it("makes site links and images absolute, and leaves other links as they are", () => {
    const markdown = convert("See [MX records](/articles/mx-records), [a section](#setup), [mail](mailto:a@b.example) and ![The diagram](/images/x.svg).\n");
    expect(markdown).toContain(`[MX records](${ORIGIN}/articles/mx-records)`);
    expect(markdown).toContain("[a section](#setup)");
    expect(markdown).toContain("[mail](mailto:a@b.example)");
    expect(markdown).toContain(`![The diagram](${ORIGIN}/images/x.svg)`);
    expect(convert("[MX records](/articles/mx-records)\n", {})).toBe("[MX records](/articles/mx-records)\n");
  });

  it("leaves out what the renderer refuses, and says so", () => {
    const { markdown, problems } = mdxToMarkdown(
      'Hi <iframe src="https://evil.example" />\n\n[x](javascript:alert(1))\n\n<Note onClick="x">\n\nOK\n\n</Note>\n',
    );
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(markdown).not.toMatch(/iframe|javascript:|onClick/);
    expect(markdown).toContain("> **Note:** OK");
  });
});

describe("the library as Markdown", async () => {
  const library = await readLibrary(CONTENT_DIR);

  it("converts every article with no problem, no component left, and every heading, callout and step a reader sees", () => {
    expect(library.articles.length).toBeGreaterThan(50);
    const componentTag = new RegExp(`<\\/?(${Object.keys(ALLOWED_COMPONENTS).join("|")})\\b`);
    for (const article of library.articles) {
      const markdown = convert(article.body);
      // Outside code, no component survives.
      const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
      expect(prose, article.slug).not.toMatch(componentTag);
      const { headings } = compileMdx(article.body);
      const mdHeadings = read(markdown)
        .children.filter((node) => node.type === "heading")
        .map((node) => mdastToString(node));
      expect(mdHeadings, article.slug).toEqual(expect.arrayContaining(headings.map((heading) => heading.text)));
      const callouts = (article.body.match(/^\s*<(Note|Tip|Warning)\b/gm) ?? []).length;
      expect((markdown.match(/^\s*> \*\*(Note|Tip|Warning)\b/gm) ?? []).length, article.slug).toBe(callouts);
      if (/<Steps>/.test(article.body)) expect(markdown, article.slug).toMatch(/^\s*1\. /m);
    }
  });
});
