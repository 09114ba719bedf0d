// Work on untrusted input that costs CPU in proportion to what an editor or uploader chose (an MDX
// compile, inflating a zip, checking a library) runs in worker threads with a time limit, never on
// the thread that answers requests. One document can then stall neither customer pages nor the rest
// of the staff area: when a task runs past its limit its worker is stopped (which ends even a
// runaway regular expression or parser) and the caller gets a clear error.
//
// Two lanes, one worker each: "site" for what customers wait on (rendering a published article) and
// "staff" for what editors send (previews, publish checks, uploads). A hostile preview fills only
// the staff lane; customer pages keep their own worker. Tasks in a lane run one at a time, in order.
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { HttpError } from "../http-error";
import { reviveError } from "./errors";
import type { TaskName, TaskRequest, TaskResponse, Tasks } from "./tasks";

export type Lane = "site" | "staff";

/** How long one task may run before its worker is stopped. */
const DEFAULT_TASK_TIMEOUT_MS = 1_500;
/** Tasks waiting in one lane before new ones are refused (503) instead of piling up. */
const MAX_QUEUED = 64;

/** A task ran past its time limit; its worker was stopped. */
export class TaskTimeoutError extends Error {
  constructor(
    readonly task: TaskName,
    readonly timeoutMs: number,
  ) {
    super(`${task} took longer than ${timeoutMs} ms and was stopped`);
  }
}

interface Job {
  id: number;
  request: TaskRequest;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

class LaneWorker {
  #worker: Worker | null = null;
  /** Whether the worker has loaded its code: a task's time limit starts only then. */
  #ready = false;
  #current: { job: Job; timer: NodeJS.Timeout } | null = null;
  readonly #queue: Job[] = [];

  constructor(readonly lane: Lane) {}

  run(job: Job) {
    if (this.#queue.length >= MAX_QUEUED) {
      job.reject(new HttpError(503, "The server is busy checking other documents. Try again in a moment."));
      return;
    }
    this.#queue.push(job);
    this.#next();
  }

  #next() {
    this.#holdProcessWhileBusy();
    if (this.#current || this.#queue.length === 0) return;
    const worker = this.#spawnIfNeeded();
    if (!this.#ready) return; // called again once the worker says it is ready
    const job = this.#queue.shift()!;
    const timer = setTimeout(() => this.#fail(new TaskTimeoutError(job.request.task, job.timeoutMs), true), job.timeoutMs);
    this.#current = { job, timer };
    worker.postMessage({ id: job.id, request: job.request });
  }

  #spawnIfNeeded(): Worker {
    if (this.#worker) return this.#worker;
    const worker = startWorker();
    this.#ready = false;
    worker.on("message", (message: TaskResponse | "ready") => {
      if (message === "ready") {
        this.#ready = true;
        this.#next();
        return;
      }
      const current = this.#current;
      if (!current || current.job.id !== message.id) return;
      clearTimeout(current.timer);
      this.#current = null;
      if (message.ok) current.job.resolve(message.value);
      else current.job.reject(reviveError(message.error));
      this.#next();
    });
    // Only the lane's live worker can fail the running task: one stopped for a timeout is gone already.
    worker.on("error", (error) => {
      if (this.#worker !== worker) return;
      if (this.#current) this.#fail(error, true);
      else this.#failQueue(error); // it could not even start
    });
    worker.on("exit", () => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#fail(new Error(`the ${this.lane} worker stopped unexpectedly`), false);
    });
    this.#worker = worker;
    this.#holdProcessWhileBusy();
    return worker;
  }

  #fail(error: unknown, stopWorker: boolean) {
    const current = this.#current;
    if (!current) return;
    clearTimeout(current.timer);
    this.#current = null;
    if (stopWorker && this.#worker) {
      const worker = this.#worker;
      this.#worker = null;
      void worker.terminate();
    }
    current.job.reject(error);
    this.#next();
  }

  /** A busy worker keeps the process alive until its tasks are answered; an idle one never keeps a command-line job running. */
  #holdProcessWhileBusy() {
    if (!this.#worker) return;
    if (this.#current || this.#queue.length > 0) this.#worker.ref();
    else this.#worker.unref();
  }

  #failQueue(error: unknown) {
    const worker = this.#worker;
    this.#worker = null;
    void worker?.terminate();
    for (const job of this.#queue.splice(0)) job.reject(error);
  }

  stop() {
    const worker = this.#worker;
    this.#worker = null;
    return worker?.terminate();
  }
}

function startWorker(): Worker {
  // Under Next the code runs from its server bundle, which includes the worker entry as a chunk of
  // its own; under tsx (command-line jobs, tests) it runs from source and needs the bootstrap,
  // which the bundler must not try to build (it loads TypeScript at run time).
  if (process.env.NEXT_RUNTIME !== "nodejs") {
    const bootstrap = fileURLToPath(import.meta.url).replace(/pool\.ts$/, "from-source.mjs");
    return new Worker(/* turbopackIgnore: true */ bootstrap, { workerData: { entry: new URL("./tasks.worker.ts", import.meta.url).href } });
  }
  return new Worker(new URL("./tasks.worker.ts", import.meta.url));
}

const lanes: Record<Lane, LaneWorker> = { site: new LaneWorker("site"), staff: new LaneWorker("staff") };
let nextId = 1;

/** Runs a task in a lane's worker; rejects with TaskTimeoutError when it runs past `timeoutMs`. */
export function runTask<N extends TaskName>(
  task: N,
  args: Tasks[N]["args"],
  { lane, timeoutMs = DEFAULT_TASK_TIMEOUT_MS }: { lane: Lane; timeoutMs?: number },
): Promise<Tasks[N]["result"]> {
  return new Promise((resolve, reject) => {
    lanes[lane].run({ id: nextId++, request: { task, args } as TaskRequest, timeoutMs, resolve: resolve as (value: unknown) => void, reject });
  });
}

/** Stops every worker (tests, shutdown). */
export async function stopWorkers() {
  await Promise.all(Object.values(lanes).map((lane) => lane.stop()));
}
