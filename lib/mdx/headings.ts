// The h2/h3 heading texts of an MDX body, found by scanning lines instead of parsing: the search
// index needs them for every article, and a full MDX parse costs ~10 ms an article.
// tests/unit/mdx-headings.test.ts checks it agrees with the parser (lib/mdx/compile.ts) on the library.

import { articleValue } from "../site-config";

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{2,3})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;

function stripMarks(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images keep their text
    .replace(/<Var\s+name="([^"]*)"\s*\/>/g, (tag, name: string) => articleValue(name) ?? tag) // brand values
    .replace(/<\/?[A-Za-z][^>]*>/g, "") // components such as <Kbd>
    .replace(/\*\*|~~|\*/g, "") // strong, strikethrough, emphasis
    .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, "$1") // _emphasis_, not snake_case
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1"); // escapes
}

/** One line of Markdown as the text a reader sees: marks, links, components and brand values resolved. */
export function plainText(markdown: string): string {
  // Code spans are kept as written; marks are stripped only outside them.
  return markdown
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part.replace(/^`+|`+$/g, "") : stripMarks(part)))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

export function extractHeadings(body: string): string[] {
  const headings: string[] = [];
  let fence: string | null = null;
  for (const line of body.split("\n")) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker[0]!.repeat(marker.length);
      else if (marker.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const match = HEADING.exec(line);
    if (match) headings.push(plainText(match[2]!));
  }
  return headings;
}
