// Staff-written MDX is untrusted code. This module parses it with the MDX parser but never
// evaluates it: the tree is checked against lib/mdx/allowlist.ts, anything not allowed is
// reported (with its line) and removed, and what is left is plain data for the renderer.
import GithubSlugger from "github-slugger";
import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import type { Link, Paragraph, PhrasingContent, Root as MdastRoot, RootContent, Text } from "mdast";
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import type { Handler } from "mdast-util-to-hast";
import { toString as mdastToString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { VFileMessage } from "vfile-message";
import { articleValue, siteConfig } from "../site-config";
import { ALLOWED_COMPONENTS, BLOCK_COMPONENTS, ALLOWED_IMAGE_SCHEMES, ALLOWED_LINK_SCHEMES, type AllowedComponent, isAllowedUrl } from "./allowlist";
import { formatCount } from "../format";

export interface MdxProblem {
  /** 1-based line in the source (plus `lineOffset`), when known. */
  line: number | null;
  message: string;
}

export interface TocHeading {
  depth: 2 | 3;
  id: string;
  text: string;
}

export interface CompiledMdx {
  /** HTML tree; allowlisted components appear as elements named after them (`Tip`). */
  tree: HastRoot;
  headings: TocHeading[];
  problems: MdxProblem[];
  wordCount: number;
}

// singleTilde off: only ~~double~~ tildes strike through. With single tildes on, a run of "~a"
// costs time that grows with the square of its length (10 KB of it took 7 s).
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm, { singleTilde: false });

/**
 * Bounds on what an article may ask of the parser, checked before parsing. The parser recurses once
 * per level of nesting, so a few kilobytes of "1. 1. 1. …" overflow the stack; no real article
 * nests lists, quotes or components anywhere near these depths. Whatever still runs long is
 * stopped by the worker's time limit (lib/mdx/compile-in-worker.ts).
 */
export const MDX_LIMITS = {
  /** Characters in a body; the editor and the import refuse longer ones first (lib/articles/schema.ts). */
  maxChars: 200_000,
  /** Lists and quotes inside each other, counted from the markers at the start of a line. */
  maxBlockNesting: 10,
  /** Columns of indentation before a line's text (a list nested 10 deep needs about 40). */
  maxIndent: 48,
  /** Components inside each other, such as <Note> inside <Steps>. */
  maxComponentNesting: 6,
} as const;
/**
 * Allowlisted components become ordinary hast elements named after the component (`Tip`), with
 * their string attributes as properties; the renderer maps those names through its registry.
 */
const componentHandler: Handler = (state, node: MdxJsxFlowElement | MdxJsxTextElement) => ({
  type: "element",
  tagName: node.name ?? "div",
  properties: Object.fromEntries(node.attributes.flatMap((a) => (a.type === "mdxJsxAttribute" && typeof a.value === "string" ? [[a.name, a.value]] : []))),
  children: state.all(node) as ElementContent[],
});

const toHast = unified().use(remarkRehype, {
  handlers: { mdxJsxFlowElement: componentHandler, mdxJsxTextElement: componentHandler },
});

const EMPTY_TREE: HastRoot = { type: "root", children: [] };

/**
 * The Markdown tree of an article with everything not allowed reported and removed, and `<Var>`
 * replaced by its brand value: what the renderer (compileMdx) and the Markdown copy
 * (lib/mdx/to-markdown.ts) start from. Null when the source is over the limits or does not parse.
 */
export function parseCheckedMdx(source: string, { lineOffset = 0 }: { lineOffset?: number } = {}): { mdast: MdastRoot | null; problems: MdxProblem[] } {
  const problems: MdxProblem[] = [];
  const report = (line: number | null | undefined, message: string) => problems.push({ line: line == null ? null : line + lineOffset, message });

  if (!withinLimits(source, report)) return { mdast: null, problems };

  let mdast: MdastRoot;
  try {
    mdast = parser.runSync(parser.parse(source)) as MdastRoot;
  } catch (error) {
    if (error instanceof VFileMessage) {
      report(lineOf(error), describeParseError(error.reason.replace(/\s*\(\d+:\d+(-\d+:\d+)?\)$/, "")));
      return { mdast: null, problems };
    }
    throw error;
  }

  sanitize(mdast, report);
  return { mdast, problems };
}

export function compileMdx(source: string, { lineOffset = 0 }: { lineOffset?: number } = {}): CompiledMdx {
  const { mdast, problems } = parseCheckedMdx(source, { lineOffset });
  if (!mdast) return { tree: EMPTY_TREE, headings: [], problems, wordCount: 0 };
  const report = (line: number | null | undefined, message: string) => problems.push({ line: line == null ? null : line + lineOffset, message });

  const tree = toHast.runSync(mdast) as HastRoot;
  checkUrls(tree, report);
  const headings = addHeadingIds(tree);
  nameTables(tree);
  const wordCount = mdastToString(mdast).split(/\s+/).filter(Boolean).length;
  return { tree, headings, problems, wordCount };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLOCK_MARKERS = /^(?:[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?=[ \t]|$))+/;
const COMPONENT_TAG = /<(\/?)([A-Z][A-Za-z]*)\b[^<>]*?(\/?)>/g;

/** Checks the bounds of MDX_LIMITS on the source text, outside fenced code; reports the first line over each. */
function withinLimits(source: string, report: Report): boolean {
  if (source.length > MDX_LIMITS.maxChars) {
    report(
      null,
      `the article is ${formatCount(source.length)} characters long; at most ${formatCount(MDX_LIMITS.maxChars)} are allowed: split it into several articles`,
    );
    return false;
  }
  let ok = true;
  let fence: string | null = null;
  let componentDepth = 0;
  const lines = source.split("\n");
  for (let i = 0; i < lines.length && ok; i++) {
    const line = lines[i]!;
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker[0]!.repeat(marker.length);
      else if (marker.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const markers = BLOCK_MARKERS.exec(line)?.[0].match(/[-*+>]|\d{1,9}[.)]/g)?.length ?? 0;
    if (markers > MDX_LIMITS.maxBlockNesting) {
      report(i + 1, `lists or quotes are nested ${markers} levels deep here; at most ${MDX_LIMITS.maxBlockNesting} are allowed`);
      ok = false;
    }
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, "    ").length;
    if (ok && indent > MDX_LIMITS.maxIndent && line.trim() !== "") {
      report(i + 1, `this line is indented ${indent} columns; at most ${MDX_LIMITS.maxIndent} are allowed (put code in a fenced block)`);
      ok = false;
    }
    for (const [, closing, , selfClosing] of line.matchAll(COMPONENT_TAG)) {
      if (selfClosing) continue;
      componentDepth += closing ? -1 : 1;
      if (componentDepth > MDX_LIMITS.maxComponentNesting) {
        report(i + 1, `components are nested ${componentDepth} deep here; at most ${MDX_LIMITS.maxComponentNesting} are allowed`);
        ok = false;
        break;
      }
    }
  }
  return ok;
}

/**
 * The last check before anything is rendered: every URL in the HTML tree, wherever it came from
 * (a link, an image, a reference definition used by either), passes the scheme rules of its kind.
 * Anything else is reported and removed.
 */
function checkUrls(tree: HastRoot, report: Report) {
  visit(tree, "element", (node: Element, index, parent) => {
    const line = node.position?.start.line;
    if (node.tagName === "img") {
      const src = String(node.properties.src ?? "");
      if (!isAllowedUrl(src, ALLOWED_IMAGE_SCHEMES)) {
        report(line, `image "${src.slice(0, 40)}" is not allowed: use a path on this site (/images/…) or an https URL`);
        parent!.children.splice(index!, 1);
        return [SKIP, index!] as [typeof SKIP, number];
      }
    }
    if (node.tagName === "a" && node.properties.href !== undefined) {
      const href = String(node.properties.href);
      if (!isAllowedUrl(href, ALLOWED_LINK_SCHEMES)) {
        report(line, `link to "${href.slice(0, 40)}" is not allowed: use http, https, mailto, tel or a relative link`);
        parent!.children.splice(index!, 1, ...node.children);
        return [SKIP, index!] as [typeof SKIP, number];
      }
    }
    return undefined;
  });
}

function lineOf(error: VFileMessage): number | null {
  if (error.line != null) return error.line;
  const place = error.place;
  if (place && "start" in place) return place.start.line;
  const match = /\((\d+):\d+/.exec(error.reason);
  return match ? Number(match[1]) : null;
}

function describeParseError(reason: string): string {
  if (/acorn|expression/i.test(reason)) {
    return `${reason}. Curly braces start a JavaScript expression, which is not allowed: put literal braces inside \`code\`.`;
  }
  return reason;
}

type Report = (line: number | null | undefined, message: string) => void;

function sanitize(tree: MdastRoot, report: Report) {
  visit(tree, (node, index, parent) => {
    const line = node.position?.start.line;
    const remove = () => {
      parent!.children.splice(index!, 1);
      return [SKIP, index!] as [typeof SKIP, number];
    };
    switch (node.type) {
      case "mdxjsEsm":
        report(line, "import and export are not allowed in articles");
        return remove();
      case "mdxFlowExpression":
      case "mdxTextExpression":
        report(line, "JavaScript expressions in {braces} are not allowed: put literal braces inside `code`");
        return remove();
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const name = node.name;
        if (!name || !Object.hasOwn(ALLOWED_COMPONENTS, name)) {
          report(
            line,
            `<${name ?? ""}> is not an allowed component; use ${Object.keys(ALLOWED_COMPONENTS)
              .map((c) => `<${c}>`)
              .join(", ")} or Markdown`,
          );
          return remove();
        }
        const allowed: readonly string[] = ALLOWED_COMPONENTS[name as AllowedComponent];
        node.attributes = node.attributes.filter((attribute) => {
          const problem = attributeProblem(attribute, allowed);
          if (problem) report(attribute.position?.start.line ?? line, `<${name}>: ${problem}`);
          return problem === null;
        });
        if (name === "Var") {
          parent!.children.splice(index!, 1, ...(brandValueNodes(node, report, line) as RootContent[]));
          return [SKIP, index!] as [typeof SKIP, number];
        }
        return;
      }
      case "link":
      case "definition":
        if (!isAllowedUrl(node.url, ALLOWED_LINK_SCHEMES)) {
          report(line, `link to "${node.url.slice(0, 40)}" is not allowed: use http, https, mailto, tel or a relative link`);
          if (node.type === "definition") return remove();
          parent!.children.splice(index!, 1, ...(node.children as RootContent[]));
          return [SKIP, index!] as [typeof SKIP, number];
        }
        return;
      case "image":
        if (!isAllowedUrl(node.url, ALLOWED_IMAGE_SCHEMES)) {
          report(line, `image "${node.url.slice(0, 40)}" is not allowed: use a path on this site (/images/…) or an https URL`);
          return remove();
        }
        if (!node.alt?.trim()) report(line, "image needs alt text that describes it: ![What the picture shows](/images/…)");
        return;
      case "paragraph": {
        // `<Tip>…</Tip>` written on one line is part of a paragraph: lift it out, as a box of its own.
        const block = node.children.find(isBlockComponent);
        if (!block) return;
        if (node.children.some((child) => !isBlockComponent(child) && !(child.type === "text" && !child.value.trim()))) {
          report(line, `<${block.name}> is a box of its own, not part of a sentence: put it on lines of its own`);
        }
        parent!.children.splice(index!, 1, ...liftBlockComponents(node));
        return index!; // visit what took the paragraph's place
      }
      case "heading":
        if (node.depth === 1) {
          report(line, "use ## for sections: the page already shows the title as its only # heading");
          node.depth = 2;
        }
        return;
      default:
        return;
    }
  });
}

function isBlockComponent(node: PhrasingContent): node is MdxJsxTextElement {
  return node.type === "mdxJsxTextElement" && BLOCK_COMPONENTS.some((name) => name === node.name);
}

/** A paragraph's text runs stay paragraphs; each block component in it becomes a block holding its text. */
function liftBlockComponents(paragraph: Paragraph): RootContent[] {
  const blocks: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const endRun = () => {
    if (run.some((child) => child.type !== "text" || child.value.trim())) blocks.push({ type: "paragraph", children: run });
    run = [];
  };
  for (const child of paragraph.children) {
    if (!isBlockComponent(child)) {
      run.push(child);
      continue;
    }
    endRun();
    const body: Paragraph[] = child.children.length > 0 ? [{ type: "paragraph", children: child.children }] : [];
    blocks.push({
      type: "mdxJsxFlowElement",
      name: child.name,
      attributes: child.attributes,
      children: body,
      position: child.position,
    } satisfies MdxJsxFlowElement);
  }
  endRun();
  return blocks;
}

/**
 * What `<Var name="…" />` stands for: the brand value as text, or as a link to itself when it is an
 * https:// address; a paragraph when the element stood on a line of its own. Nothing for an unknown
 * name, which is reported.
 */
function brandValueNodes(node: MdxJsxFlowElement | MdxJsxTextElement, report: Report, line: number | undefined): (PhrasingContent | Paragraph)[] {
  const names = Object.keys(siteConfig.articleValues);
  const attribute = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "name");
  const name = typeof attribute?.value === "string" ? attribute.value : undefined;
  if (node.children.length > 0) report(line, '<Var> takes no content: write <Var name="…" />');
  const value = name === undefined ? undefined : articleValue(name);
  if (value === undefined) {
    report(
      line,
      name === undefined
        ? `<Var> needs a name, one of: ${names.join(", ")}`
        : `<Var name="${name}">: there is no brand value "${name}"; use one of: ${names.join(", ")}`,
    );
    return [];
  }
  const text: Text = { type: "text", value };
  const phrasing: PhrasingContent = /^https:\/\//.test(value) ? ({ type: "link", url: value, children: [text] } satisfies Link) : text;
  return node.type === "mdxJsxFlowElement" ? [{ type: "paragraph", children: [phrasing] }] : [phrasing];
}

function attributeProblem(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute, allowed: readonly string[]) {
  if (attribute.type === "mdxJsxExpressionAttribute") return "spread attributes are not allowed";
  if (!allowed.includes(attribute.name)) {
    return allowed.length > 0
      ? `attribute "${attribute.name}" is not allowed (allowed: ${allowed.join(", ")})`
      : `attribute "${attribute.name}" is not allowed (this component takes none)`;
  }
  if (typeof attribute.value !== "string") return `attribute "${attribute.name}" must be a quoted string`;
  return null;
}

/** Gives h2/h3 headings stable ids (GitHub style) and returns them for the table of contents. */
function addHeadingIds(tree: HastRoot): TocHeading[] {
  const slugger = new GithubSlugger();
  const headings: TocHeading[] = [];
  visit(tree, "element", (node: Element) => {
    if (!/^h[2-6]$/.test(node.tagName)) return;
    const text = hastToString(node).trim();
    const id = slugger.slug(text);
    node.properties.id = id;
    if (node.tagName === "h2" || node.tagName === "h3") {
      headings.push({ depth: node.tagName === "h2" ? 2 : 3, id, text });
    }
  });
  return headings;
}

/**
 * Names each table after the section it stands in ("Table: Ports"), or its column headings when it
 * comes before any heading, numbered when a name repeats: the renderer wraps a table in a
 * scrollable region, and a page's regions need names of their own.
 */
function nameTables(tree: HastRoot) {
  const seen = new Map<string, number>();
  let section: string | null = null;
  visit(tree, "element", (node: Element) => {
    if (node.tagName === "h2" || node.tagName === "h3") section = hastToString(node).trim();
    if (node.tagName !== "table") return;
    const columns: string[] = [];
    visit(node, "element", (cell: Element) => void (cell.tagName === "th" && columns.push(hastToString(cell).trim())));
    const base = `Table: ${section ?? (columns.filter(Boolean).join(", ") || "untitled")}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    node.properties.dataLabel = count === 1 ? base : `${base} (${count})`;
  });
}
