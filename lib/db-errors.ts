// Telling "the database is not answering" apart from every other failure, so that visitors and
// staff are told the truth (nothing was saved, try again shortly) instead of a generic error, and
// route handlers answer 503 rather than 500. Covers both providers as the driver adapters report
// them: PostgreSQL stopped, restarting or unreachable; a SQLite file locked by another process
// past the busy timeout, unreadable, read-only or on a full disk.

/** Prisma's codes for a database it cannot reach or that stopped answering. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024"]);

/** Driver adapter error kinds (@prisma/driver-adapter-utils) that mean the same. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);

/** SQLite result codes (and their extended forms, e.g. SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE). */
const UNAVAILABLE_SQLITE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY|NOTADB|CORRUPT)/;

/**
 * PostgreSQL SQLSTATEs: 08 connection exceptions, 53 insufficient resources, 57P01-57P05 shutdown
 * and restart (https://www.postgresql.org/docs/current/errcodes-appendix.html).
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0)/;

/** Messages of errors that reach us without a code (pg's own socket handling, Prisma's raw queries). */
const UNAVAILABLE_MESSAGE =
  /Can't reach database server|Connection terminated|connection (was )?closed|ECONNREFUSED|ECONNRESET|database is locked|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)/i;

type ErrorLike = { name?: unknown; code?: unknown; message?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; driverAdapterError?: unknown };

/** True when `error` (or an error it wraps) says the database is unreachable, stopped or locked. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as ErrorLike;
    if (e.name === "PrismaClientInitializationError") return true;
    if (
      typeof e.code === "string" &&
      (UNAVAILABLE_PRISMA_CODES.has(e.code) || UNAVAILABLE_SQLITE.test(e.code) || (/^[0-9A-Z]{5}$/.test(e.code) && UNAVAILABLE_SQLSTATE.test(e.code)))
    )
      return true;
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (typeof e.originalCode === "string" && (UNAVAILABLE_SQLITE.test(e.originalCode) || UNAVAILABLE_SQLSTATE.test(e.originalCode))) return true;
    if (e.kind === "postgres" && typeof e.code === "string" && UNAVAILABLE_SQLSTATE.test(e.code)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    queue.push(e.cause, e.driverAdapterError);
  }
  return false;
}

/** What visitors are told when a write could not reach the database. */
export const DATABASE_UNAVAILABLE_MESSAGE = "We could not reach our database just now, so nothing was saved. Please try again in a minute.";
