// An article's body as plain Markdown, for machines (/articles/<slug>.md, llms-full.txt): the same
// checked tree the renderer draws (lib/mdx/compile.ts parseCheckedMdx), with each component of the
// registry (components/mdx/registry.tsx) turned into what it means in Markdown that any reader
// understands, and links made absolute so the text makes sense wherever it is read.
//
//   <Note>, <Tip>, <Warning>   a blockquote that starts with its label in bold ("**Tip:** …", or
//                              "**Warning: Back up first**" as a line of its own when it has a title)
//   <Steps>                    the numbered list inside it (a bulleted one becomes numbered)
//   <Kbd>Ctrl</Kbd>            `Ctrl`
//   <Var name="…" />           its brand value (already replaced by the checker)
//   tables, code, images       GitHub-flavoured Markdown as written
import type { BlockContent, Blockquote, DefinitionContent, Parent, PhrasingContent, Root, RootContent } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toMarkdown } from "mdast-util-to-markdown";
import { toString as mdastToString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import type { AllowedComponent } from "./allowlist";
import { type MdxProblem, parseCheckedMdx } from "./compile";

export interface MarkdownCopy {
  markdown: string;
  problems: MdxProblem[];
}

const CALLOUT_LABELS: Partial<Record<AllowedComponent, string>> = { Note: "Note", Tip: "Tip", Warning: "Warning" };

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * The body of an article as Markdown. `origin` (such as https://help.example.com) makes site
 * links and images absolute; without it they stay as written.
 */
export function mdxToMarkdown(source: string, { origin }: { origin?: string } = {}): MarkdownCopy {
  const { mdast, problems } = parseCheckedMdx(source);
  if (!mdast) return { markdown: "", problems };
  replaceComponents(mdast);
  if (origin) absolutizeUrls(mdast, origin);
  const markdown = toMarkdown(mdast, {
    extensions: [gfmToMarkdown()],
    bullet: "-",
    emphasis: "_",
    strong: "*",
    fence: "`",
    fences: true,
    rule: "-",
    listItemIndent: "one",
    incrementListMarker: true,
  });
  return { markdown: markdown.trim() + "\n", problems };
}

/** Replaces every component, innermost first, with plain Markdown nodes. */
function replaceComponents(tree: Root) {
  for (;;) {
    let replaced = false;
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined || (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement")) return;
      // Innermost first: a component whose children hold another is left for a later pass.
      if ((node as JsxElement).children.some(containsComponent)) return;
      (parent as Parent).children.splice(index, 1, ...(markdownFor(node as JsxElement) as RootContent[]));
      replaced = true;
      return index;
    });
    if (!replaced) return;
  }
}

function containsComponent(node: RootContent): boolean {
  if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") return true;
  return "children" in node && (node.children as RootContent[]).some(containsComponent);
}

function attribute(node: JsxElement, name: string): string | undefined {
  const found = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === name);
  return typeof found?.value === "string" ? found.value : undefined;
}

function markdownFor(node: JsxElement): RootContent[] {
  const name = (node.name ?? "") as AllowedComponent;
  const label = CALLOUT_LABELS[name];
  if (label)
    return node.type === "mdxJsxFlowElement"
      ? [callout(label, attribute(node, "title"), node.children as BlockContent[])]
      : inlineCallout(label, node.children as PhrasingContent[]);
  if (name === "Steps") {
    return (node.children as RootContent[]).map((child) => (child.type === "list" ? { ...child, ordered: true, start: child.start ?? 1 } : child));
  }
  if (name === "Kbd") {
    const code: PhrasingContent = { type: "inlineCode", value: mdastToString(node).trim() };
    return node.type === "mdxJsxFlowElement" ? [{ type: "paragraph", children: [code] }] : [code];
  }
  // Nothing else passes the checker; whatever might is kept as its content.
  return node.children as RootContent[];
}

function callout(label: string, title: string | undefined, children: (BlockContent | DefinitionContent)[]): Blockquote {
  const [first, ...rest] = children;
  if (title === undefined && first?.type === "paragraph") {
    return {
      type: "blockquote",
      children: [
        { ...first, children: [{ type: "strong", children: [{ type: "text", value: `${label}:` }] }, { type: "text", value: " " }, ...first.children] },
        ...rest,
      ],
    };
  }
  const heading: BlockContent = {
    type: "paragraph",
    children: [{ type: "strong", children: [{ type: "text", value: title ? `${label}: ${title}` : `${label}:` }] }],
  };
  return { type: "blockquote", children: [heading, ...children] };
}

function inlineCallout(label: string, children: PhrasingContent[]): PhrasingContent[] {
  return [{ type: "strong", children: [{ type: "text", value: `${label}:` }] }, { type: "text", value: " " }, ...children];
}

/** Site-relative links, images and reference definitions (/articles/…, /images/…) as absolute URLs. */
function absolutizeUrls(tree: Root, origin: string) {
  visit(tree, (node) => {
    if ((node.type === "link" || node.type === "image" || node.type === "definition") && node.url.startsWith("/") && !node.url.startsWith("//")) {
      node.url = new URL(node.url, origin).href;
    }
  });
}
