// Driver adapters for Prisma's JavaScript engines, and the small shims that the adapters need.
// Every workaround for an upstream adapter bug lives in this one module, with its reason and an
// upgrade checklist: the upstream issue to watch, and the test that fails once the shim can go
// (tests/unit/db-adapter.test.ts names one "upstream still needs shim N" for each).
//   createAdapterFactory — the app at run time (lib/db-client.ts): SQLite with shims 1 and 5,
//     PostgreSQL with the stock @prisma/adapter-pg.
//   createMigrationAdapterFactory — the Prisma CLI (prisma.config.ts: migrate deploy, migrate dev
//     and its shadow database): the same, plus shim 2 on SQLite and shims 3, 4 and 7 on PostgreSQL.
// With them, `migrate deploy`, `migrate diff --from-migrations` and `migrate dev --name …` work on
// both databases. Two Prisma 6.19 CLI faults remain, with or without the shims: `migrate dev
// --create-only` writes its migration and then fails with "null pointer passed to rust", and on
// PostgreSQL a later `migrate dev` applies it but fails in EvaluateDataLoss ("PostgreSQL shadow DB
// must be provided through an external factory").
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { Mutex } from "async-mutex";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseProvider } from "./database-url";

/**
 * How long a SQLite statement, or a transaction's `BEGIN IMMEDIATE`, waits for another process's
 * lock before failing with "database is locked". Five seconds is better-sqlite3's own default:
 * ample for another process's transaction (the content import writes in batches to keep each one
 * short, lib/content/import.ts). Checked by tests/unit/sqlite-transactions.test.ts.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * How long SQLite itself waits for a lock (its busy_timeout, better-sqlite3's `timeout` option:
 * https://www.sqlite.org/c3ref/busy_timeout.html) before Shim 6 takes over. better-sqlite3 waits
 * synchronously: with the whole SQLITE_BUSY_TIMEOUT_MS here, a locked file would stop the server
 * (cached pages included) for five seconds on every query.
 */
export const SQLITE_BUSY_SPIN_MS = 20;

/**
 * When a SQLite commit is on disk (https://www.sqlite.org/pragma.html#pragma_synchronous). With
 * WAL, NORMAL syncs only at checkpoints: a killed process loses nothing, but a power cut or a
 * kernel crash can roll back the last commits, votes a visitor was told were saved. FULL syncs
 * the WAL at every commit. Measured here (README, "Backups, durability and failures"): about 0.2 ms per commit, which
 * the vote path (two Prisma queries, ~2 ms) does not notice.
 */
const SQLITE_SYNCHRONOUS = "FULL";

/** The app's adapter. It never migrates, so it carries no shim for migrations. */
export function createAdapterFactory(url: string): SqlDriverAdapterFactory {
  if (databaseProvider(url) === "postgresql") return new PrismaPg({ connectionString: url, allowExitOnIdle: true });
  return new SerializedSqliteFactory(sqliteFactory(url), { acceptScripts: false });
}

/** The Prisma CLI's adapter (prisma.config.ts): migrations, and `migrate dev`'s shadow database. */
export function createMigrationAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (databaseProvider(url) === "postgresql") return new PostgresMigrationFactory(url);
  return new SerializedSqliteFactory(sqliteFactory(url), { acceptScripts: true });
}

function sqliteFactory(url: string) {
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_SPIN_MS });
}

/**
 * Shim 6 — wait for another process's lock without blocking the event loop. SQLite answers
 * SQLITE_BUSY once its short busy_timeout (SQLITE_BUSY_SPIN_MS) has passed; a statement that failed
 * so did nothing, and is tried again after an asynchronous pause, until SQLITE_BUSY_TIMEOUT_MS in all.
 * Only single statements outside a transaction, `BEGIN IMMEDIATE` and the connection's PRAGMAs are
 * retried: inside a transaction we already hold the write lock, and WAL readers never wait for it.
 * Upgrade checklist: better-sqlite3's API is synchronous by design, so this stays while we use
 * it; it can go with a driver whose busy wait does not block, and tests/e2e/database-outage.spec.ts
 * says whether cached pages are still served while a file is locked.
 */
async function retryWhileBusy<T>(run: () => Promise<T>): Promise<T> {
  const deadline = performance.now() + SQLITE_BUSY_TIMEOUT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      return await run();
    } catch (error) {
      if (!isBusy(error) || performance.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

function isBusy(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== "DriverAdapterError") return false;
  const cause = (error as DriverAdapterError).cause as { originalCode?: unknown };
  return typeof cause.originalCode === "string" && cause.originalCode.startsWith("SQLITE_BUSY");
}

/**
 * Shim 1 — queries outside a transaction must not run inside one.
 * @prisma/adapter-better-sqlite3 6.19 runs everything on one connection and locks only
 * `startTransaction`, so a query from another request, issued while an interactive or batch
 * transaction is open, silently becomes part of that transaction (and is lost on rollback).
 * The libsql adapter was fixed the same way upstream: prisma/prisma-engines#4288
 * ("serialize all operations"). Here every top-level statement waits for the open transaction.
 * Upgrade checklist: watch @prisma/adapter-better-sqlite3 for the same fix (no issue filed for it
 * that we know of); it can go when "upstream still needs shim 1" fails.
 *
 * Shim 2 (migrations only) — the shadow database of `prisma migrate dev` and `migrate diff
 * --from-migrations` receives whole migration scripts through `executeRaw`, which better-sqlite3
 * refuses ("contains more than one statement"): Prisma reports P3006, "failed to apply cleanly to
 * the shadow database". We route parameterless multi-statement SQL to `executeScript`. `migrate
 * deploy` does not need it, and the app never sends a script. Upgrade checklist: watch the schema
 * engine and @prisma/adapter-better-sqlite3 for scripts sent through `executeScript` (no issue
 * filed that we know of); it can go when "upstream still needs shim 2" fails, and "migrate diff
 * from the migrations" still passes without it.
 *
 * Shim 5 — transactions start with `BEGIN IMMEDIATE`, not the adapter's deferred `BEGIN`.
 * A deferred transaction that has read must later upgrade its read lock to the write lock; when
 * another process (`npm run content:import`, a test process) holds that lock or has committed
 * since our read, SQLite fails the upgrade at once with SQLITE_BUSY, "database is locked",
 * without calling the busy handler: waiting could deadlock, and the snapshot is stale anyway
 * (https://www.sqlite.org/lang_transaction.html#deferred_immediate_and_exclusive_transactions,
 * https://www.sqlite.org/isolation.html). `BEGIN IMMEDIATE` takes the write lock first, so a
 * second writer waits up to busy_timeout at BEGIN and then works on fresh data. Prisma's Rust
 * SQLite connector begins transactions IMMEDIATE (prisma/orm#25587); the 6.19 adapter hard-codes
 * a deferred `BEGIN` in its `startTransaction`, so we begin the transaction ourselves. Every
 * transaction this app opens writes, so none is worth opening deferred. The adapter's
 * `startTransaction` also keeps its mutex when BEGIN throws (prisma/orm#29933), which a
 * BEGIN IMMEDIATE that times out would hit; ours releases the lock.
 *
 * Related: prisma/orm#29933 (a SQLITE_BUSY at COMMIT poisons later transactions). WAL mode,
 * set in `connect` below, keeps readers from blocking COMMIT, which is how that bug is triggered;
 * with the write lock taken at BEGIN, no other writer can make COMMIT busy either.
 * Upgrade checklist: watch prisma/orm#25587 (IMMEDIATE transactions, as the Rust connector had)
 * and prisma/orm#29933 (its fix, prisma/orm#29955, releases the mutex when BEGIN fails); it can
 * go when "upstream still needs shim 5" fails and tests/unit/sqlite-transactions.test.ts passes
 * with the adapter's own startTransaction.
 */
class SerializedSqliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlMigrationAwareDriverAdapterFactory,
    private readonly options: { acceptScripts: boolean },
  ) {
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const inner = await this.inner.connect();
    // WAL lets customers read while staff write; it is stored in the database file. Durability:
    // see SQLITE_SYNCHRONOUS.
    await retryWhileBusy(() => inner.executeScript(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${SQLITE_SYNCHRONOUS}; PRAGMA foreign_keys = ON;`));
    return new SerializedSqliteAdapter(inner, this.options);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new SerializedSqliteAdapter(await this.inner.connectToShadowDb(), this.options);
  }
}

const MULTI_STATEMENT = /;\s*\S/;

class SerializedSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #lock = new Mutex();

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly options: { acceptScripts: boolean },
  ) {
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.#lock.runExclusive(() => retryWhileBusy(() => this.inner.queryRaw(query)));
  }

  executeRaw(query: SqlQuery) {
    // Shim 2: a migration script, sent where one statement is expected.
    if (this.options.acceptScripts && query.args.length === 0 && MULTI_STATEMENT.test(query.sql.trim())) {
      return this.#lock.runExclusive(async () => {
        await this.inner.executeScript(query.sql);
        return 0;
      });
    }
    return this.#lock.runExclusive(() => retryWhileBusy(() => this.inner.executeRaw(query)));
  }

  executeScript(script: string) {
    return this.#lock.runExclusive(() => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // As the adapter: a SQLite transaction is serializable, and no other level can be asked for.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    }
    const release = await this.#lock.acquire();
    try {
      // Shim 5: the adapter's own startTransaction would run a deferred `BEGIN`.
      await retryWhileBusy(() => this.inner.executeScript("BEGIN IMMEDIATE"));
    } catch (error) {
      release();
      throw error;
    }
    return immediateTransaction(this.inner, release);
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose() {
    return this.inner.dispose();
  }
}

/**
 * A transaction on the adapter's one connection, begun above. As in the adapter
 * (`usePhantomQuery: false`), Prisma sends COMMIT or ROLLBACK itself through `executeRaw` and then
 * calls `commit` or `rollback`, which only hand the connection back.
 */
function immediateTransaction(connection: SqlDriverAdapter, release: () => void): Transaction {
  let released = false;
  const releaseOnce = async () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => connection.queryRaw(query),
    executeRaw: (query) => connection.executeRaw(query),
    commit: releaseOnce,
    rollback: releaseOnce,
  };
}

/**
 * Shim 3 (migrations only) — PostgreSQL columns of type `name` (OID 19) and `"char"` (OID 18)
 * make @prisma/adapter-pg 6.19 fail with "Column type 'name' could not be deserialized"; the
 * schema engine reads such columns from the catalogues during every `migrate` command (a fresh
 * `migrate deploy` fails without it), the app never does. Both are text, so the migration
 * factory's pooled clients report them as text (OID 25). Upgrade checklist: watch
 * prisma/orm#27403; it can go when "upstream still needs shim 3" fails.
 *
 * Shim 4 (migrations only) — the adapter's own shadow database for `prisma migrate dev` is not
 * one: it hands `pg.Pool` `{ ...config, database }`, and pg lets the connection string's database
 * win, so the "shadow" is the main database (P3006: relation "Category" already exists); it is
 * also unpatched (shim 3) and dropped before its pool is ended. Ours is created on connect,
 * reached through its own URL, and dropped once its pool is closed. Upgrade checklist: watch
 * @prisma/adapter-pg's `connectToShadowDb` (no issue filed that we know of); it can go when
 * "upstream still needs shim 4" fails and "migrate diff from the migrations" passes without it.
 */
const TEXT_OID = 25;
const TEXTLIKE_OIDS = new Set([18, 19]);

type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;

function reportTextLikeColumnsAsText<T extends QueryResultLike | QueryResultLike[]>(result: T): T {
  for (const part of Array.isArray(result) ? result : [result]) {
    for (const field of part?.fields ?? []) {
      if (TEXTLIKE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

function createCataloguePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, allowExitOnIdle: true });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const last = args.at(-1);
      if (typeof last === "function") {
        args[args.length - 1] = (error: unknown, result: QueryResultLike) => last(error, reportTextLikeColumnsAsText(result));
        return query(...args);
      }
      const pending = query(...args);
      return pending instanceof Promise ? pending.then(reportTextLikeColumnsAsText) : pending;
    };
  });
  return pool;
}

/**
 * Shim 7 (migrations only) — @prisma/adapter-pg 6.19's `executeScript`, which `migrate deploy`
 * sends each migration file to, cuts the script at every semicolon (`script.split(";")`) and runs
 * the pieces one by one. A PL/pgSQL function body (the stored totals' triggers, migration
 * 20261211000000_stored_totals) or a semicolon in a comment is cut in half: "unterminated
 * dollar-quoted string". The whole script goes to PostgreSQL in one simple query instead, which
 * PostgreSQL splits itself, correctly, and runs as one implicit transaction (a failed migration
 * leaves nothing half-done). Errors are mapped by the adapter's own `onError`. Upgrade checklist:
 * watch @prisma/adapter-pg's `executeScript` (prisma/orm#22495 is the same symptom, reported
 * before driver adapters); it can go when "upstream still needs shim 7" fails.
 */
async function connectForMigrations(connectionString: string): Promise<SqlDriverAdapter> {
  const pool = createCataloguePool(connectionString);
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  // onError is protected in the adapter's types; it turns a pg error into the DriverAdapterError Prisma reads.
  const mapError = (adapter as unknown as { onError?: (error: unknown) => never }).onError?.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      if (mapError) mapError(error);
      throw error;
    }
  };
  return adapter;
}

class PostgresMigrationFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";

  constructor(private readonly url: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return connectForMigrations(this.url);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const main = await this.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${database}`;
    const shadow = await connectForMigrations(shadowUrl.toString());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return shadow;
  }
}
