// Driver adapters for Prisma's JavaScript engines, and the small shims that the adapters need.
// Every workaround for an upstream adapter bug lives in this one module, with its reason.
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { Mutex } from "async-mutex";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseProvider } from "./database-url";

/** How long a SQLite statement waits for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function createAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (databaseProvider(url) === "postgresql") return new PostgresFactory(url);
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new SerializedSqliteFactory(
    new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }),
  );
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
 * Related: prisma/orm#29933 (a SQLITE_BUSY at COMMIT poisons later transactions). WAL mode,
 * set in lib/db.ts, keeps readers from blocking COMMIT, which is how that bug is triggered.
 */
class SerializedSqliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;

  constructor(private readonly inner: SqlMigrationAwareDriverAdapterFactory) {
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = new SerializedSqliteAdapter(await this.inner.connect());
    // WAL lets customers read while staff write; it is stored in the database file. With WAL,
    // synchronous=NORMAL is the documented safe setting (no corruption on power loss; the last
    // commits may roll back) and saves an fsync per transaction.
    await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    return adapter;
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
    return this.#lock.runExclusive(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    if (query.args.length === 0 && MULTI_STATEMENT.test(query.sql.trim())) {
      return this.#lock.runExclusive(async () => {
        await this.inner.executeScript(query.sql);
        return 0;
      });
    }
    return this.#lock.runExclusive(() => this.inner.executeRaw(query));
  }

  executeScript(script: string) {
    return this.#lock.runExclusive(() => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#lock.acquire();
    try {
      const tx = await this.inner.startTransaction(isolationLevel);
      return releasingTransaction(tx, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose() {
    return this.inner.dispose();
  }
}

function releasingTransaction(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const releaseOnce = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: () => tx.commit().finally(releaseOnce),
    rollback: () => tx.rollback().finally(releaseOnce),
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
