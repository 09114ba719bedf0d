// One way to read settings (lib/env-files.ts): the command-line scripts and the Prisma CLI read the
// same .env files as the server, .env.local included, and a variable set in the real environment
// wins over every file. Each case runs the real command in a project folder of its own.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { writeSmallLibrary } from "../support/library";

const ROOT = process.cwd();
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const PRISMA = path.join(ROOT, "node_modules/.bin/prisma");

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder to run commands in, with a small library in content/. */
function projectDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "helpdesk-env-"));
  dirs.push(dir);
  writeSmallLibrary(path.join(dir, "content"), 1);
  return dir;
}

/** A migrated, empty SQLite database in `dir`. */
function emptyDatabase(dir: string, name: string): string {
  const file = path.join(dir, name);
  copyFileSync(inject("sqliteTemplate"), file);
  return `file:${file}`;
}

/**
 * The environment a person's shell would give a command: none of the settings under test, and no
 * NODE_ENV=test from Vitest (in test mode, as in Next, .env.local is not read).
 */
function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ["NODE_ENV", "__NEXT_PROCESSED_ENV", "DATABASE_URL"]) delete env[name];
  return { ...env, ...extra } as NodeJS.ProcessEnv;
}

async function articleCount(url: string): Promise<number> {
  const db = createPrismaClient(url);
  try {
    return await db.article.count();
  } finally {
    await db.$disconnect();
  }
}

/** npm run content:import, run in `cwd` (its library is cwd/content). */
const importContent = (cwd: string, env = shellEnv()) => promisify(execFile)(TSX, [path.join(ROOT, "scripts/content-import.ts")], { cwd, env });

// Each case starts Node (and the Prisma CLI) afresh: seconds each on a busy machine.
describe("settings in .env files", { timeout: 120_000 }, () => {
  it("reach a script from .env.local, which wins over .env", async () => {
    const dir = projectDir();
    const local = emptyDatabase(dir, "local.db");
    const shared = emptyDatabase(dir, "shared.db");
    writeFileSync(path.join(dir, ".env"), `DATABASE_URL="${shared}"\n`);
    writeFileSync(path.join(dir, ".env.local"), `DATABASE_URL="${local}"\n`);

    await importContent(dir);
    expect(await articleCount(local)).toBeGreaterThan(0);
    expect(await articleCount(shared)).toBe(0);
  });

  it("give way to a variable set in the real environment", async () => {
    const dir = projectDir();
    const fromFile = emptyDatabase(dir, "file.db");
    const fromShell = emptyDatabase(dir, "shell.db");
    writeFileSync(path.join(dir, ".env.local"), `DATABASE_URL="${fromFile}"\n`);

    await importContent(dir, shellEnv({ DATABASE_URL: fromShell }));
    expect(await articleCount(fromShell)).toBeGreaterThan(0);
    expect(await articleCount(fromFile)).toBe(0);
  });

  it("follow the mode as Next does: .env.production.local only for NODE_ENV=production, and no .env.local under NODE_ENV=test", async () => {
    const dir = projectDir();
    const production = emptyDatabase(dir, "production.db");
    const local = emptyDatabase(dir, "local.db");
    const shared = emptyDatabase(dir, "shared.db");
    writeFileSync(path.join(dir, ".env.production.local"), `DATABASE_URL="${production}"\n`);
    writeFileSync(path.join(dir, ".env.local"), `DATABASE_URL="${local}"\n`);
    writeFileSync(path.join(dir, ".env"), `DATABASE_URL="${shared}"\n`);

    await importContent(dir, shellEnv({ NODE_ENV: "production" }));
    expect(await articleCount(production)).toBeGreaterThan(0);
    await importContent(dir, shellEnv({ NODE_ENV: "test" }));
    expect(await articleCount(shared)).toBeGreaterThan(0);
    expect(await articleCount(local)).toBe(0);
  });

  it("reach the Prisma CLI from .env.local", async () => {
    const dir = projectDir();
    const file = path.join(dir, "migrated-here.db");
    writeFileSync(path.join(dir, ".env.local"), `DATABASE_URL="file:${file}"\n`);
    await promisify(execFile)(PRISMA, ["migrate", "deploy", "--config", path.join(ROOT, "prisma.config.ts")], { cwd: dir, env: shellEnv() });
    expect(existsSync(file)).toBe(true);
    expect(await articleCount(`file:${file}`)).toBe(0);
  });
});
