// "The database is not answering" told apart from other failures, with the errors the drivers
// really raise: a SQLite file another process holds locked, a PostgreSQL server that is not there
// or goes away mid-connection. And the same client works again once the database is back.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { HttpError } from "@/lib/http-error";
import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from "../support/database";
import { startTcpProxy } from "../support/tcp-proxy";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("a locked SQLite file", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
  });
  afterAll(() => t.dispose());

  it("is unavailable for writes while another process holds the lock, and writable again after", { timeout: 30_000 }, async () => {
    const other = new Database(t.url.replace(/^file:/, ""));
    other.exec("BEGIN IMMEDIATE");
    try {
      const error = await failure(t.db.category.create({ data: { slug: "locked", name: "Locked", description: "d" } }));
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(await t.db.category.count()).toBe(0); // reading still works under WAL
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    await t.db.category.create({ data: { slug: "unlocked", name: "Unlocked", description: "d" } });
    expect(await t.db.category.count()).toBe(1);
  });

  it("is not confused with a refused write or a missing row", async () => {
    await t.db.category.create({ data: { slug: "dup", name: "Dup", description: "d" } });
    expect(isDatabaseUnavailable(await failure(t.db.category.create({ data: { slug: "dup", name: "Dup", description: "d" } })))).toBe(false);
    expect(isDatabaseUnavailable(await failure(t.db.category.findUniqueOrThrow({ where: { slug: "none" } })))).toBe(false);
    expect(isDatabaseUnavailable(new HttpError(404, "There is no published article."))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe.skipIf(!TEST_POSTGRES_URL)("a PostgreSQL server that is not there, or goes away", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("postgresql");
  });
  afterAll(() => t.dispose());

  it("is unavailable when nothing listens at its address", async () => {
    const url = new URL(t.url);
    url.port = "1"; // nothing listens on port 1
    const db = createPrismaClient(url.toString());
    try {
      expect(isDatabaseUnavailable(await failure(db.category.count()))).toBe(true);
      expect(isDatabaseUnavailable(await failure(db.$transaction(async (tx) => tx.category.count())))).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it("is unavailable while the connection is cut, and the same client recovers when it is back", async () => {
    const url = new URL(t.url);
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    const db = createPrismaClient(url.toString());
    try {
      await db.category.create({ data: { slug: "before", name: "Before", description: "d" } });
      await proxy.cut();
      expect(isDatabaseUnavailable(await failure(db.category.count()))).toBe(true);
      expect(isDatabaseUnavailable(await failure(db.category.create({ data: { slug: "during", name: "During", description: "d" } })))).toBe(true);
      await proxy.restore();
      await db.category.create({ data: { slug: "after", name: "After", description: "d" } });
      expect((await db.category.findMany({ orderBy: { slug: "asc" } })).map((c) => c.slug)).toEqual(["after", "before"]);
    } finally {
      await db.$disconnect();
      await proxy.close();
    }
  });
});
