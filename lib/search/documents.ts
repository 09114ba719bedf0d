// What of an article goes into the search index. Used by the server and by the tests, which
// build the index straight from the content library.
import { extractHeadings, plainText } from "../mdx/headings";
import type { SearchDocumentInput } from "./index-data";

export function toSearchDocument(article: {
  slug: string;
  title: string;
  description: string;
  categoryName: string;
  tags: string[];
  body: string;
  audience?: "public" | "internal";
  /** Set on an article listed in another language than its own (not translated yet): its language. */
  language?: string;
}): SearchDocumentInput {
  return {
    ...(article.audience === "internal" ? { internal: true } : {}),
    ...(article.language ? { language: article.language } : {}),
    slug: article.slug,
    title: article.title,
    description: article.description,
    category: article.categoryName,
    tags: article.tags,
    headings: extractHeadings(article.body),
    body: bodyText(article.body),
  };
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const CALLOUT_OPEN = /^\s*<(?:Note|Tip|Warning)\b[^>]*?\btitle="([^"]*)"[^>]*>\s*$/;
const TAG_ONLY = /^\s*<\/?[A-Za-z][^>]*>\s*$/;

/**
 * An MDX body as plain text, one block per line: headings, paragraphs, list items, table rows
 * ("IMAP port: 993, SSL/TLS"), callout titles and code, with links, marks and components resolved
 * as readers see them (`<Var name="…" />` becomes its brand value, never the tag).
 */
export function bodyText(body: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push(paragraph.join(" "));
    paragraph = [];
  };
  let fence: string | null = null;
  for (const line of body.split("\n")) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      flush();
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker[0]!.repeat(marker.length);
      else if (marker.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) {
      if (line.trim()) blocks.push(line.trim());
      continue;
    }
    if (!line.trim() || TABLE_RULE.test(line)) {
      flush();
      continue;
    }
    const callout = CALLOUT_OPEN.exec(line);
    if (callout) {
      flush();
      blocks.push(plainText(callout[1]!));
      continue;
    }
    if (TAG_ONLY.test(line)) {
      flush();
      continue;
    }
    const heading = /^\s{0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) {
      flush();
      blocks.push(plainText(heading[1]!));
      continue;
    }
    if (/^\s*\|/.test(line)) {
      flush();
      const cells = line
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((cell) => plainText(cell))
        .filter(Boolean);
      if (cells.length > 0) blocks.push(cells.length === 1 ? cells[0]! : `${cells[0]}: ${cells.slice(1).join(", ")}`);
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      // Each list item is a block of its own: items seldom end with a full stop.
      flush();
      paragraph.push(plainText(item[1]!));
      continue;
    }
    paragraph.push(plainText(line.replace(/^\s*>\s?/, "")));
  }
  flush();
  return blocks.filter(Boolean).join("\n");
}
