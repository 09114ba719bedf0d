// The backlog as staff read it: a missing article heard in many wordings shows the most searched
// ones and sums up the rest, instead of hundreds of chips.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BacklogList } from "@/components/backlog/backlog-list";
import type { MissingArticleItem } from "@/lib/staff/backlog";

function missing(queries: { query: string; count: number }[]): MissingArticleItem {
  return {
    kind: "missing",
    key: "missing:dkim",
    title: queries[0]!.query,
    customers: queries.reduce((sum, q) => sum + q.count, 0),
    lastSeen: new Date("2026-11-20T10:00:00Z"),
    score: 1,
    queries,
    writeHref: "/staff/articles/new?title=dkim",
  };
}

describe("backlog list", () => {
  it("shows every wording of a need heard a few ways", () => {
    const html = renderToStaticMarkup(
      <BacklogList
        items={[
          missing([
            { query: "dkim", count: 3 },
            { query: "dkmi", count: 1 },
          ]),
        ]}
      />,
    );
    expect(html).toContain("dkim <span");
    expect(html).toContain("dkmi <span");
    expect(html).not.toContain("other wording");
  });

  it("shows the twelve most searched wordings and sums up the others", () => {
    const queries = Array.from({ length: 40 }, (_, i) => ({ query: `dkim variant ${i}`, count: 40 - i }));
    const html = renderToStaticMarkup(<BacklogList items={[missing(queries)]} />);
    expect(html.match(/<li class="rounded-full/g)).toHaveLength(12);
    expect(html).toContain("dkim variant 11 <span");
    expect(html).not.toContain("dkim variant 12 <span");
    // 28 others, searched 28 + 27 + … + 1 times.
    expect(html).toContain("and 28 other wordings (406 searches)");
  });
});
