// Staff-written MDX is untrusted code. This module parses it with the MDX parser but never
// evaluates it: the tree is checked against lib/mdx/allowlist.ts, anything not allowed is
// reported (with its line) and removed, and what is left is plain data for the renderer.
import GithubSlugger from "github-slugger";
import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import type { Link, Paragraph, PhrasingContent, Root as MdastRoot, RootContent, Text } from "mdast";
import type {
  MdxJsxAttribute,
  MdxJsxExpressionAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
} from "mdast-util-mdx-jsx";
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
import {
  ALLOWED_COMPONENTS,
  ALLOWED_IMAGE_SCHEMES,
  ALLOWED_LINK_SCHEMES,
  type AllowedComponent,
  isAllowedUrl,
} from "./allowlist";

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

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
/**
 * Allowlisted components become ordinary hast elements named after the component (`Tip`), with
 * their string attributes as properties; the renderer maps those names through its registry.
 */
const componentHandler: Handler = (state, node: MdxJsxFlowElement | MdxJsxTextElement) => ({
  type: "element",
  tagName: node.name ?? "div",
  properties: Object.fromEntries(
    node.attributes.flatMap((a) => (a.type === "mdxJsxAttribute" && typeof a.value === "string" ? [[a.name, a.value]] : [])),
  ),
  children: state.all(node) as ElementContent[],
});

const toHast = unified().use(remarkRehype, {
  handlers: { mdxJsxFlowElement: componentHandler, mdxJsxTextElement: componentHandler },
});

export function compileMdx(source: string, { lineOffset = 0 }: { lineOffset?: number } = {}): CompiledMdx {
  const problems: MdxProblem[] = [];
  const report = (line: number | null | undefined, message: string) =>
    problems.push({ line: line == null ? null : line + lineOffset, message });

  let mdast: MdastRoot;
  try {
    mdast = parser.runSync(parser.parse(source)) as MdastRoot;
  } catch (error) {
    if (error instanceof VFileMessage) {
      report(lineOf(error), describeParseError(error.reason.replace(/\s*\(\d+:\d+(-\d+:\d+)?\)$/, "")));
      return { tree: { type: "root", children: [] }, headings: [], problems, wordCount: 0 };
    }
    throw error;
  }

  sanitize(mdast, report);
  const tree = toHast.runSync(mdast) as HastRoot;
  const headings = addHeadingIds(tree);
  const wordCount = mdastToString(mdast).split(/\s+/).filter(Boolean).length;
  return { tree, headings, problems, wordCount };
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
          report(line, `<${name ?? ""}> is not an allowed component; use ${Object.keys(ALLOWED_COMPONENTS).map((c) => `<${c}>`).join(", ")} or Markdown`);
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

/**
 * What `<Var name="…" />` stands for: the brand value as text, or as a link to itself when it is an
 * https:// address; a paragraph when the element stood on a line of its own. Nothing for an unknown
 * name, which is reported.
 */
function brandValueNodes(node: MdxJsxFlowElement | MdxJsxTextElement, report: Report, line: number | undefined): (PhrasingContent | Paragraph)[] {
  const names = Object.keys(siteConfig.articleValues);
  const attribute = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "name");
  const name = typeof attribute?.value === "string" ? attribute.value : undefined;
  if (node.children.length > 0) report(line, "<Var> takes no content: write <Var name=\"…\" />");
  const value = name === undefined ? undefined : articleValue(name);
  if (value === undefined) {
    report(line, name === undefined ? `<Var> needs a name, one of: ${names.join(", ")}` : `<Var name="${name}">: there is no brand value "${name}"; use one of: ${names.join(", ")}`);
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
