import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MdxContent } from "@/components/mdx/mdx-content";
import { compileMdx } from "@/lib/mdx/compile";

function render(source: string) {
  const compiled = compileMdx(source);
  return { problems: compiled.problems, html: renderToStaticMarkup(<MdxContent tree={compiled.tree} />) };
}

describe("boxes (Note, Tip, Warning, Steps) are never inside a paragraph", () => {
  it("draws a box written on one line as a box of its own, its text a paragraph", () => {
    const { problems, html } = render("Before.\n\n<Tip>Set an end date so it stops by itself.</Tip>\n\nAfter.\n");
    expect(problems).toEqual([]);
    expect(html).toContain('<p>Before.</p>\n<div role="note"');
    expect(html).toContain("<p>Set an end date so it stops by itself.</p></div></div>\n<p>After.</p>");
    expect(html).not.toMatch(/<p>[^<]*<div/);
  });

  it("reports a box inside a sentence, with its line, and still draws it outside the paragraph", () => {
    const { problems, html } = render("Intro.\n\nPress <Kbd>Ctrl</Kbd> and <Note>mind this</Note> then go on.\n");
    expect(problems).toEqual([{ line: 3, message: "<Note> is a box of its own, not part of a sentence: put it on lines of its own" }]);
    expect(html).toMatch(/<p>Press <kbd[^>]*>Ctrl<\/kbd> and <\/p>\n<div role="note"/);
    expect(html).toContain("<p>mind this</p></div></div>\n<p> then go on.</p>");
  });
});
