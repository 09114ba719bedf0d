// Driver adapters for Prisma's JavaScript engines, and the small shims that the adapters need.
// Every workaround for an upstream adapter bug lives in this one module, with its reason.
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
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
 * the WAL at every commit. Measured here (README, "Durability"): about 0.3 ms per commit, which
 * the vote path (two Prisma queries, ~2 ms) does not notice.
 */
export const SQLITE_SYNCHRONOUS = "FULL";

export function createAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (databaseProvider(url) === "postgresql") return new PostgresFactory(url);
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new SerializedSqliteFactory(
    new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_SPIN_MS }),
  );
}

/**
 * Shim 6 — wait for another process's lock without blocking the event loop. SQLite answers
 * SQLITE_BUSY once its short busy_timeout (SQLITE_BUSY_SPIN_MS) has passed; a statement that failed
 * so did nothing, and is tried again after an asynchronous pause, until SQLITE_BUSY_TIMEOUT_MS in all.
 * Only single statements outside a transaction, `BEGIN IMMEDIATE` and the connection's PRAGMAs are
 * retried: inside a transaction we already hold the write lock, and WAL readers never wait for it.
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
 *
 * Shim 2 — the shadow database during `prisma migrate dev` receives whole migration scripts
 * through `executeRaw`, which better-sqlite3 refuses ("contains more than one statement"); we
 * route parameterless multi-statement SQL to `executeScript`.
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
 */
class SerializedSqliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;

  constructor(private readonly inner: SqlMigrationAwareDriverAdapterFactory) {
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const inner = await this.inner.connect();
    // WAL lets customers read while staff write; it is stored in the database file. Durability:
    // see SQLITE_SYNCHRONOUS.
    await retryWhileBusy(() => inner.executeScript(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${SQLITE_SYNCHRONOUS}; PRAGMA foreign_keys = ON;`));
    return new SerializedSqliteAdapter(inner);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new SerializedSqliteAdapter(await this.inner.connectToShadowDb());
  }
}

const MULTI_STATEMENT = /;\s*\S/;

class SerializedSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #lock = new Mutex();

  constructor(private readonly inner: SqlDriverAdapter) {
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.#lock.runExclusive(() => retryWhileBusy(() => this.inner.queryRaw(query)));
  }

  executeRaw(query: SqlQuery) {
    if (query.args.length === 0 && MULTI_STATEMENT.test(query.sql.trim())) {
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
 * Shim 3 — PostgreSQL columns of type `name` (OID 19) and `"char"` (OID 18) make
 * @prisma/adapter-pg 6.19 fail with "Column type 'name' could not be deserialized"; the schema
 * engine reads such columns from the catalogs during `migrate` (prisma/orm#27403). Both are
 * text, so every pooled client reports them as text (OID 25).
 *
 * Shim 4 — the adapter's shadow database (for `prisma migrate dev`) is created with an unpatched
 * pool, so it gets the same treatment here: created on connect, dropped on dispose.
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

function createPatchedPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
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

class PostgresFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";

  constructor(private readonly url: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return new PrismaPg(createPatchedPool({ connectionString: this.url, allowExitOnIdle: true }), { disposeExternalPool: true }).connect();
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const main = await this.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${database}`;
    const shadow = await new PrismaPg(createPatchedPool({ connectionString: shadowUrl.toString(), allowExitOnIdle: true }), {
      disposeExternalPool: true,
    }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return shadow;
  }
}
