// Starts a worker thread from TypeScript source. Command-line jobs and tests run the app's code
// through tsx, whose hooks do not reach into worker threads (privatenumber/tsx#354), so the worker
// registers tsx itself before loading its entry. Next's server bundle never uses this file: it
// builds the worker entry (lib/workers/tasks.worker.ts) as a chunk of its own.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
