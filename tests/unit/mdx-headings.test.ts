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
    const body = ["## Set up **IMAP** with `993`", "```", "## not a heading", "```", "# Title", "#### Deep", "### Use [webmail](/articles/use-webmail) and <Kbd>Ctrl</Kbd> ##"].join("\n");
    expect(extractHeadings(body)).toEqual(["Set up IMAP with 993", "Use webmail and Ctrl"]);
  });
});
