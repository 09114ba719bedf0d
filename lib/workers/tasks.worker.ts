// The entry of each worker thread started by lib/workers/pool.ts: runs one task per message and
// answers with its result, or with its error as plain data.
import { parentPort } from "node:worker_threads";
import { serializeError } from "./errors";
import { type TaskRequest, type TaskResponse, tasks } from "./tasks";

parentPort!.on("message", ({ id, request }: { id: number; request: TaskRequest }) => {
  let response: TaskResponse;
  try {
    const run = tasks[request.task] as (args: unknown) => unknown;
    response = { id, ok: true, value: run(request.args) };
  } catch (error) {
    response = { id, ok: false, error: serializeError(error) };
  }
  parentPort!.postMessage(response);
});

// Loaded: the pool starts a task's time limit from here, not from the thread's start.
parentPort!.postMessage("ready");
