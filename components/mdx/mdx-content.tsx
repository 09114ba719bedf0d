import type { Root } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { mdxComponents, type MdxOptions } from "./registry";

/** Renders a tree from lib/mdx/compile.ts. Nothing in it is evaluated: it is data. */
export function MdxContent({ tree, ...options }: { tree: Root } & MdxOptions) {
  return (
    <div className="prose prose-slate dark:prose-invert max-w-none prose-headings:scroll-mt-6 prose-headings:text-slate-900 prose-a:text-brand-700 prose-a:underline-offset-2 prose-code:before:content-none prose-code:after:content-none prose-code:rounded prose-code:bg-slate-100 prose-code:px-1 prose-code:py-0.5 prose-code:font-normal prose-pre:bg-chrome">
      {toJsxRuntime(tree, { Fragment, jsx, jsxs, components: mdxComponents(options) })}
    </div>
  );
}
