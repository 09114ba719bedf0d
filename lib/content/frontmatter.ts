// Splits an MDX file into its YAML frontmatter and body, and writes them back.
import { Document, isSeq, parseDocument, visit } from "yaml";
import type { Frontmatter } from "./schema";

export interface SplitFile {
  data: unknown;
  body: string;
  /** 1-based line number in the file where the body starts, so body errors can name file lines. */
  bodyLine: number;
}

export class FrontmatterSyntaxError extends Error {}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitFrontmatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, "");
  const match = FENCE.exec(text);
  if (!match) {
    throw new FrontmatterSyntaxError("must start with a frontmatter block between two --- lines");
  }
  const doc = parseDocument(match[1] ?? "", { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = (first.linePos?.[0].line ?? 0) + 1;
    throw new FrontmatterSyntaxError(`frontmatter line ${line}: ${first.message.split("\n")[0]}`);
  }
  const header = match[0];
  const bodyLine = header.split("\n").length - (header.endsWith("\n") ? 0 : 1);
  return { data: doc.toJS() ?? {}, body: text.slice(header.length), bodyLine };
}

/** Writes an article file; `slug` is given for a translation, whose slug is not its file name. */
export function joinFrontmatter(data: Frontmatter, body: string, slug?: string): string {
  const doc = new Document({
    ...(slug === undefined ? {} : { slug }),
    title: data.title,
    description: data.description,
    // Written only for internal articles: a public article's file stays as it always was.
    ...(data.audience === "internal" ? { audience: data.audience } : {}),
    tags: data.tags,
    updated: data.updated,
    related: data.related,
  });
  // Lists on one line ([imap, pop]) read best in a short header.
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n\n${body.trim()}\n`;
}
