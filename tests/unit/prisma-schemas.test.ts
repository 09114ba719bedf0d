import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const read = (provider: string) => readFileSync(path.resolve(import.meta.dirname, `../../prisma/${provider}/schema.prisma`), "utf8");
const models = (schema: string) => schema.slice(schema.indexOf("\nmodel "));

describe("Prisma schemas", () => {
  it("declare the same models for SQLite and PostgreSQL", () => {
    const sqlite = read("sqlite");
    expect(models(sqlite).length).toBeGreaterThan(1000);
    expect(models(read("postgresql"))).toBe(models(sqlite));
  });
});
