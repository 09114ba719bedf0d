// compileMdx off the request thread: in a worker (lib/workers/pool.ts) with a time limit. A
// document that runs past it gets a problem that says so, instead of stalling the server.
import { type Lane, runTask, TaskTimeoutError } from "../workers/pool";
import type { CompiledMdx } from "./compile";
import { formatCount } from "../format";

/** What a document that ran past the limit is told. */
function tooSlowMessage(timeoutMs: number) {
  return `this article took more than ${formatCount(timeoutMs / 1000)} seconds to read and was stopped: look for very long runs of punctuation (such as * _ [ or |) or deeply nested lists, and simplify them`;
}

/**
 * Compiles in the lane's worker: "site" for pages customers wait on, "staff" for what editors send.
 * Never throws for the document's sake: problems come back in `problems`.
 */
export async function compileMdxInWorker(
  source: string,
  { lane, lineOffset = 0, timeoutMs }: { lane: Lane; lineOffset?: number; timeoutMs?: number },
): Promise<CompiledMdx> {
  try {
    return await runTask("compileMdx", { source, lineOffset }, { lane, ...(timeoutMs ? { timeoutMs } : {}) });
  } catch (error) {
    if (!(error instanceof TaskTimeoutError)) throw error;
    return { tree: { type: "root", children: [] }, headings: [], wordCount: 0, problems: [{ line: null, message: tooSlowMessage(error.timeoutMs) }] };
  }
}
