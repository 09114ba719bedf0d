// Which articles are questions and answers, for FAQPage structured data. The rule, written for
// authors in docs/writing-articles.md: an article whose ## sections (two or more) all have a
// question as their heading, ending in "?". Each heading is a question and the text of its section,
// up to the next ## heading, its answer. Anything before the first ## (the short opening answer the
// style guide asks for) belongs to no question.
import type { Element, Root, RootContent } from "hast";
import { toString as hastToString } from "hast-util-to-string";

export interface FaqEntry {
  question: string;
  answer: string;
}

const MIN_FAQ_QUESTIONS = 2;

const text = (node: RootContent | Element) =>
  hastToString(node as Element)
    .replace(/\s+/g, " ")
    .trim();

/** The questions and answers of an article's compiled tree (lib/mdx/compile.ts), or null when it is not a questions-and-answers article. */
export function questionsAndAnswers(tree: Root): FaqEntry[] | null {
  const entries: { question: string; parts: string[] }[] = [];
  for (const node of tree.children) {
    if (node.type === "element" && node.tagName === "h2") {
      entries.push({ question: text(node), parts: [] });
      continue;
    }
    const part = node.type === "element" || node.type === "text" ? text(node) : "";
    if (part && entries.length > 0) entries.at(-1)!.parts.push(part);
  }
  if (entries.length < MIN_FAQ_QUESTIONS || entries.some((entry) => !entry.question.endsWith("?") || entry.parts.length === 0)) return null;
  return entries.map(({ question, parts }) => ({ question, answer: parts.join("\n\n") }));
}
