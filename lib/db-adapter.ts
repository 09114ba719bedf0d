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
import { Mutex } from "async-mutex";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseProvider } from "./database-url";

/** How long a SQLite statement waits for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function createAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (databaseProvider(url) === "postgresql") {
    throw new Error("PostgreSQL support is not installed in this build.");
  }
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
    // WAL lets customers read while staff write; it is stored in the database file.
    await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;");
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
