// SQLite backups while the site keeps taking writes. `VACUUM INTO` copies the database inside one
// read transaction: under WAL, writers carry on and the copy is the database at one moment (the
// online backup API would restart its copy at every write from another connection, and under a
// steady stream of votes might never finish). It runs in a worker thread, so progress can be
// reported while it works. A restore copies the backup into the target with the backup API, through
// SQLite's own locking: a server that has the file open sees the restored data, never a file
// swapped under it.
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { BackupError, type BackupSummary, countRows, type Progress, type RestoreSummary } from "./common";

const SQLITE_HEADER = "SQLite format 3\0";

/** Copies the database at `source` into a new file `target`, consistent at one moment. */
export async function backupSqlite(source: string, target: string, onProgress: Progress = () => {}): Promise<BackupSummary> {
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}: check DATABASE_URL.`);
  const started = performance.now();
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });

  const db = new Database(source, { fileMustExist: true });
  const expectedBytes = (() => {
    try {
      const pages = Number(db.pragma("page_count", { simple: true })) - Number(db.pragma("freelist_count", { simple: true }));
      return pages * Number(db.pragma("page_size", { simple: true }));
    } finally {
      db.close();
    }
  })();

  const poll = setInterval(() => {
    const done = existsSync(partial) ? statSync(partial).size : 0;
    onProgress(Math.min(done, expectedBytes), expectedBytes);
  }, 250);
  try {
    await vacuumInto(source, partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`The backup failed: ${(error as Error).message}`);
  } finally {
    clearInterval(poll);
  }
  const bytes = statSync(partial).size;
  onProgress(bytes, bytes);

  const check = checkSqliteFile(partial);
  if (check.problem) {
    rmSync(partial, { force: true });
    throw new BackupError(`The backup was written but does not check out (${check.problem}); nothing was kept.`);
  }
  syncFile(partial);
  renameSync(partial, target);
  syncFile(path.dirname(path.resolve(target)));
  return { file: target, bytes, seconds: (performance.now() - started) / 1000, counts: check.counts };
}

/** Runs VACUUM INTO on its own thread: it is one long synchronous statement. */
function vacuumInto(source: string, target: string): Promise<void> {
  const betterSqlite3 = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     const Database = require(workerData.betterSqlite3);
     const db = new Database(workerData.source, { fileMustExist: true, timeout: 5000 });
     try { db.prepare("VACUUM INTO ?").run(workerData.target); } finally { db.close(); }`,
    { eval: true, workerData: { source, target, betterSqlite3 } },
  );
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the copy stopped (exit ${code})`))));
  });
}

function syncFile(file: string) {
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether a file is a whole, healthy database of this app, and what it holds. */
export function checkSqliteFile(file: string): { problem: string | null; counts: Record<string, number> } {
  if (!existsSync(file)) return { problem: `there is no file at ${file}`, counts: {} };
  const header = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString("latin1") !== SQLITE_HEADER) return { problem: `${file} is not a SQLite database`, counts: {} };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return { problem: `integrity_check says: ${String(integrity)}`, counts: {} };
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
    if (!tables.has("_prisma_migrations") || !tables.has("Article")) return { problem: `${file} is a SQLite database, but not a help center's`, counts: {} };
    return { problem: null, counts: countRows((table) => Number((db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n), tables) };
  } finally {
    db.close();
  }
}

/** What a target database holds now: refused as a restore target without --force unless empty. */
export function sqliteTargetRows(file: string): number {
  if (!existsSync(file)) return 0;
  const check = checkSqliteFile(file);
  return Object.values(check.counts).reduce((sum, n) => sum + n, 0);
}

/** Copies the backup at `source` over the database at `target` (created if missing). */
export async function restoreSqlite(source: string, target: string, onProgress: Progress = () => {}): Promise<RestoreSummary> {
  const check = checkSqliteFile(source);
  if (check.problem) throw new BackupError(`Cannot restore: ${check.problem}. Nothing was changed.`);
  const started = performance.now();
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages - remainingPages, totalPages);
        return 1024;
      },
    });
    onProgress(totalPages, totalPages);
  } catch (error) {
    throw new BackupError(`The restore failed: ${(error as Error).message}`);
  } finally {
    db.close();
  }
  const restored = new Database(target, { fileMustExist: true });
  try {
    restored.pragma("journal_mode = WAL");
  } finally {
    restored.close();
  }
  const after = checkSqliteFile(target);
  if (after.problem) throw new BackupError(`The restored database does not check out: ${after.problem}.`);
  return { seconds: (performance.now() - started) / 1000, counts: after.counts };
}
