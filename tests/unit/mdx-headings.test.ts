import { describe, expect, it } from "vitest";
import { readLibrary } from "@/lib/content/library";
import { compileMdx } from "@/lib/mdx/compile";
import { extractHeadings } from "@/lib/mdx/headings";
import { CONTENT_DIR } from "../support/library";

describe("heading scanner", () => {
  it("finds the same h2/h3 texts as the MDX parser in every library article", async () => {
    const library = await readLibrary(CONTENT_DIR);
    for (const article of library.articles) {
      expect({ slug: article.slug, headings: extractHeadings(article.body) }).toEqual({
        slug: article.slug,
        headings: compileMdx(article.body).headings.map((h) => h.text),
      });
    }
  });

  it("skips code fences and h1/h4, and strips inline marks", () => {
    const body = [
      "## Set up **IMAP** with `993`",
      "```",
      "## not a heading",
      "```",
      "# Title",
      "#### Deep",
      "### Use [webmail](/articles/use-webmail) and <Kbd>Ctrl</Kbd> ##",
    ].join("\n");
    expect(extractHeadings(body)).toEqual(["Set up IMAP with 993", "Use webmail and Ctrl"]);
  });
});

describe("table names", () => {
  it("names each table after its section, or its columns before any heading, and numbers repeats", () => {
    const table = (head: string) => `| ${head} | Value |\n| --- | --- |\n| a | b |\n`;
    const { tree } = compileMdx([table("Port"), "## Incoming mail", table("Setting"), table("Setting"), "### Outgoing", table("Setting")].join("\n"));
    const names: unknown[] = [];
    const walk = (node: { type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }) => {
      if (node.tagName === "table") names.push(node.properties?.dataLabel);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(tree);
    expect(names).toEqual(["Table: Port, Value", "Table: Incoming mail", "Table: Incoming mail (2)", "Table: Outgoing"]);
  });
});
