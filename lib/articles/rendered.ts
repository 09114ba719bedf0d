// A published article's body as customers see it: compiled off the request thread (the "site"
// worker, lib/mdx/compile-in-worker.ts) once per revision, then kept. A revision never changes, so
// the compiled tree is reused by every render of the page until the process ends or it is pushed
// out by newer ones.
import "server-only";
import type { CompiledMdx } from "../mdx/compile";
import { compileMdxInWorker } from "../mdx/compile-in-worker";
import { addImageDimensions } from "../mdx/image-dimensions";

export type RenderedBody = Pick<CompiledMdx, "tree" | "headings" | "wordCount">;

/** Revisions kept compiled: far more than the articles read within any hour, and a few MB at most. */
const MAX_REVISIONS = 1_000;
const compiled = new Map<string, Promise<RenderedBody>>();

export function renderArticleBody({ revisionId, body }: { revisionId: string; body: string }): Promise<RenderedBody> {
  const cached = compiled.get(revisionId);
  if (cached) {
    // Most recently used last, so the oldest is first out.
    compiled.delete(revisionId);
    compiled.set(revisionId, cached);
    return cached;
  }
  const rendering = compileMdxInWorker(body, { lane: "site" }).then(({ tree, headings, wordCount, problems }) => {
    // Published content passed the same compile when it was published; failing now (the worker
    // ran out of time on a busy machine) is an error for this request, not something to keep.
    if (tree.children.length === 0 && problems.length > 0) throw new Error(`Revision ${revisionId} could not be compiled: ${problems[0]!.message}`);
    return { tree: addImageDimensions(tree), headings, wordCount };
  });
  rendering.catch(() => compiled.delete(revisionId));
  compiled.set(revisionId, rendering);
  if (compiled.size > MAX_REVISIONS) compiled.delete(compiled.keys().next().value!);
  return rendering;
}
