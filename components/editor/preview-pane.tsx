"use client";
import type { Root } from "hast";
import { MdxContent } from "@/components/mdx/mdx-content";

/**
 * The article as customers will see it: the tree compiled on the server by the customers'
 * compiler, rendered by the very MdxContent (and component registry) of the customer page.
 */
export function PreviewPane({
  title,
  description,
  tree,
  state,
}: {
  title: string;
  description: string;
  tree: Root | null;
  state: "loading" | "ready" | "error";
}) {
  return (
    <section aria-labelledby="preview-heading" className="min-w-0">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="preview-heading" className="text-sm font-semibold text-slate-900">
          Preview
        </h2>
        <span className="text-xs text-slate-600" aria-live="polite">
          {state === "loading" ? "Updating…" : state === "error" ? "Preview unavailable; your text is safe" : "As customers will see it"}
        </span>
      </div>
      <section
        data-testid="preview"
        className="h-[28rem] overflow-y-auto rounded-lg border border-slate-200 bg-white px-5 py-6 lg:h-[36rem]"
        tabIndex={0}
        aria-label="Article preview"
      >
        <header className="mb-6 border-b border-slate-200 pb-4">
          <p className="text-2xl font-bold tracking-tight text-slate-900">{title || "Untitled"}</p>
          {description && <p className="mt-2 text-slate-600">{description}</p>}
        </header>
        {tree ? <MdxContent tree={tree} /> : <p className="text-slate-600">Loading the preview…</p>}
      </section>
    </section>
  );
}
