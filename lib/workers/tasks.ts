// What the worker threads of lib/workers/pool.ts can do. Each task is a pure function of its
// arguments; arguments and results cross the thread boundary as structured-clone data.
import { unpackUpload, type UploadedFile } from "../content/archive";
import { compileMdx } from "../mdx/compile";
import { mdxToMarkdown } from "../mdx/to-markdown";
import type { SerializedError } from "./errors";

export const tasks = {
  compileMdx: (args: { source: string; lineOffset?: number }) => compileMdx(args.source, { lineOffset: args.lineOffset ?? 0 }),
  mdxToMarkdown: (args: { source: string; origin?: string }) => mdxToMarkdown(args.source, { origin: args.origin }),
  unpackUpload: (args: { uploads: UploadedFile[] }) => unpackUpload(args.uploads),
};

export type TaskName = keyof typeof tasks;
export type Tasks = { [N in TaskName]: { args: Parameters<(typeof tasks)[N]>[0]; result: ReturnType<(typeof tasks)[N]> } };
export type TaskRequest = { [N in TaskName]: { task: N; args: Tasks[N]["args"] } }[TaskName];
export type TaskResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };
