// PostgreSQL backups with the server's own tools: pg_dump's custom format, restored by pg_restore
// (postgresql-client on Debian). The dump runs in a snapshot this module exports and counts rows in
// first, so the summary's numbers are exactly what the file holds. A restore is one transaction:
// it lands whole, or not at all.
import { execFile, spawn } from "node:child_process";
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import pg from "pg";
import { BackupError, type BackupSummary, countRows, type Progress, type RestoreSummary } from "./common";

/** libpq's environment for a DATABASE_URL: the password stays out of the process list. */
function pgEnvironment(url: string): Record<string, string> {
  const parsed = new URL(url);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(parsed.hostname) || "localhost",
    PGPORT: parsed.port || "5432",
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
  };
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const sslmode = parsed.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  const schema = parsed.searchParams.get("schema");
  if (schema) env.PGOPTIONS = `-c search_path=${schema}`;
  if (!env.PGDATABASE) throw new BackupError("DATABASE_URL names no database: add it after the host, as in postgresql://user:password@host:5432/helpdesk.");
  return env;
}

async function connect(url: string): Promise<pg.Client> {
  const env = pgEnvironment(url);
  const client = new pg.Client({
    host: env.PGHOST,
    port: Number(env.PGPORT),
    database: env.PGDATABASE,
    user: env.PGUSER,
    password: env.PGPASSWORD,
    ...(env.PGOPTIONS ? { options: env.PGOPTIONS } : {}),
  });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot reach the PostgreSQL database ${env.PGDATABASE} at ${env.PGHOST}:${env.PGPORT}: ${(error as Error).message}`);
  }
  return client;
}

async function existingTables(client: pg.Client): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  );
  return new Set(rows.map((row) => row.name));
}

async function countTables(client: pg.Client): Promise<Record<string, number>> {
  const tables = await existingTables(client);
  const counts: Record<string, number> = {};
  for (const table of Object.keys(countRows(() => 0, tables))) {
    counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
  }
  return counts;
}

async function requireTool(tool: "pg_dump" | "pg_restore") {
  try {
    await promisify(execFile)(tool, ["--version"]);
  } catch {
    throw new BackupError(`${tool} is not installed. It comes with PostgreSQL's client tools: on Debian, apt-get install postgresql-client.`);
  }
}

/** Runs a PostgreSQL tool; `onLine` sees each line of its --verbose output. */
function runTool(tool: string, args: string[], env: Record<string, string>, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    const lines: string[] = [];
    createInterface({ input: child.stderr }).on("line", (line) => {
      lines.push(line);
      onLine(line);
    });
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) return resolve();
      const errors = lines.filter((line) => /error|fatal/i.test(line)).slice(-5);
      reject(new BackupError(`${tool} failed (exit ${code}): ${(errors.length ? errors : lines.slice(-5)).join(" / ")}`));
    });
  });
}

function isSqliteFile(file: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString("latin1") === "SQLite format 3\0";
}

/** The table-data entries of a custom-format dump; refuses a file that is not one. */
async function dumpTableCount(file: string): Promise<number> {
  if (!existsSync(file)) throw new BackupError(`There is no file at ${file}.`);
  if (isSqliteFile(file)) throw new BackupError(`${file} is a SQLite backup, but DATABASE_URL names a PostgreSQL database. Nothing was changed.`);
  try {
    const { stdout } = await promisify(execFile)("pg_restore", ["--list", file], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.split("\n").filter((line) => / TABLE DATA /.test(line)).length;
  } catch {
    throw new BackupError(`${file} is not a backup made by npm run db:backup (pg_dump's custom format). Nothing was changed.`);
  }
}

/** Dumps the database at `url` into a new file `target`, consistent at one moment. */
export async function backupPostgres(url: string, target: string, onProgress: Progress = () => {}): Promise<BackupSummary> {
  await requireTool("pg_dump");
  const started = performance.now();
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const client = await connect(url);
  try {
    // The snapshot pg_dump works in; counted here first, so the summary matches the file.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
    const counts = await countTables(client);
    const total = (await existingTables(client)).size;
    let done = 0;
    try {
      await runTool("pg_dump", ["--format=custom", "--verbose", `--snapshot=${snapshot}`, `--file=${partial}`], pgEnvironment(url), (line) => {
        if (/dumping contents of table/.test(line)) onProgress(++done, total);
      });
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    await client.query("COMMIT");
    await dumpTableCount(partial);
    const fd = openSync(partial, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, target);
    return { file: target, bytes: statSync(target).size, seconds: (performance.now() - started) / 1000, counts };
  } finally {
    await client.end();
  }
}

/** Rows in the target database now: a restore over data needs --force. */
export async function postgresTargetRows(url: string): Promise<number> {
  const client = await connect(url);
  try {
    return Object.values(await countTables(client)).reduce((sum, n) => sum + n, 0);
  } finally {
    await client.end();
  }
}

/** Loads the dump at `source` into the database at `url`, replacing what is there, in one transaction. */
export async function restorePostgres(url: string, source: string, onProgress: Progress = () => {}): Promise<RestoreSummary> {
  await requireTool("pg_restore");
  const total = await dumpTableCount(source);
  const started = performance.now();
  let done = 0;
  await runTool(
    "pg_restore",
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      "--verbose",
      `--dbname=${pgEnvironment(url).PGDATABASE}`,
      source,
    ],
    pgEnvironment(url),
    (line) => {
      if (/processing data for table/.test(line)) onProgress(++done, total);
    },
  );
  const client = await connect(url);
  try {
    return { seconds: (performance.now() - started) / 1000, counts: await countTables(client) };
  } finally {
    await client.end();
  }
}
