import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MdxContent } from "@/components/mdx/mdx-content";
import { compileMdx } from "@/lib/mdx/compile";
import { extractHeadings } from "@/lib/mdx/headings";
import { siteConfig } from "@/lib/site-config";

function render(source: string) {
  const compiled = compileMdx(source);
  return { ...compiled, html: renderToStaticMarkup(<MdxContent tree={compiled.tree} />) };
}

const { nameserver1, clientAreaUrl } = siteConfig.articleValues;

describe("<Var> brand values in articles", () => {
  it("prints the brand's value inside a sentence, a table cell and bold text", () => {
    const { problems, html } = render(
      'Set **<Var name="nameserver1" />** first.\n\n| Nameserver | Value |\n| --- | --- |\n| 1 | <Var name="nameserver1" /> |\n',
    );
    expect(problems).toEqual([]);
    expect(html).toContain(`<strong>${nameserver1}</strong>`);
    expect(html).toContain(`<td>${nameserver1}</td>`);
    expect(html).not.toMatch(/<var|Var/);
  });

  it("prints an https value as a link to itself, and a Var on its own line as a paragraph", () => {
    const { problems, html } = render('Log in at <Var name="clientAreaUrl" />.\n\n<Var name="nameserver1" />\n');
    expect(problems).toEqual([]);
    expect(html).toContain(`href="${clientAreaUrl}"`);
    expect(html).toContain(`<p>${nameserver1}</p>`);
  });

  it("refuses an unknown name with its line and the names that exist", () => {
    const { problems, html } = render('Fine\n\nUse <Var name="nameserver9" /> here.\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3 });
    expect(problems[0]!.message).toMatch(/no brand value "nameserver9".*nameserver1/);
    expect(html).toContain("Use  here.");
  });

  it("refuses a Var without a name, with content, or with other attributes", () => {
    expect(compileMdx("<Var />").problems[0]?.message).toMatch(/needs a name/);
    expect(compileMdx('<Var name="company">x</Var>').problems.some((p) => /takes no content/.test(p.message))).toBe(true);
    const withHandler = render('<Var name="company" onClick="alert(1)" />');
    expect(withHandler.problems.some((p) => /onClick/.test(p.message))).toBe(true);
    expect(withHandler.html).not.toMatch(/onclick|alert/i);
  });

  it("cannot be used to reach other properties of the brand configuration", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(compileMdx(`<Var name="${name}" />`).problems[0]?.message).toMatch(/no brand value/);
    }
  });

  it("is resolved in headings read for the search index", () => {
    expect(extractHeadings('## Use <Var name="nameserver1" /> and ns2\n')).toEqual([`Use ${nameserver1} and ns2`]);
  });
});
