// Every staff function refuses anonymous callers (401) and, where admins are needed, editors (403),
// before it touches the database. The modules are found on disk (lib/staff, and lib/articles, where
// the article's staff-side life lives), so a new file is covered the day it is added. An exported function that takes no StaffContext must either be
// provably pure (no database among its parameters, and its module does not import the server's
// client) or be on the allowlist below with the reason it may.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, StaffContext } from "@/lib/auth/roles";
import { createTestDatabase, type TestDatabase } from "../support/database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const STAFF_DIRS = ["lib/staff", "lib/articles"];
/** Staff functions that live with their domain elsewhere: every lib/search module that authorizes. */
const SEARCH_DIR = "lib/search";

/**
 * Exported functions that take a database but no StaffContext, and why that is safe. "db" ones
 * read or write data but are building blocks, called by staff functions after those authorized
 * (or by the command line); the test below checks that no page, action or route handler in app/
 * or components/ imports them. "public" ones are what every customer may see: the published
 * library. Pure helpers (formatting, parsing, arithmetic) need no entry.
 */
const ALLOWLIST: Record<string, { kind: "db" | "cache" | "public"; why: string }> = {
  "articles/checks.ts:checkArticleContent": { kind: "db", why: "validation run inside authorized save/publish functions" },
  "articles/publishing.ts:getHeadRevision": { kind: "db", why: "read inside authorized publish/draft functions, within their transaction" },
  "articles/publishing.ts:publishContent": { kind: "db", why: "the write behind authorized publish functions, which pass it their actor" },
  "articles/revalidate.ts:revalidateCustomerPages": { kind: "cache", why: "drops cached customer pages; reads and writes no data" },
  "articles/slugs.ts:unusedSlug": { kind: "db", why: "finds a free slug inside authorized create functions" },
  ...Object.fromEntries(
    [
      "getPublishedArticle",
      "getRelatedArticles",
      "listCategories",
      "getCategory",
      "listArticlesInCategory",
      "getPopularArticles",
      "findPublishedArticleId",
      "listPublishedArticles",
      "findRenamedArticleSlug",
      "articleAddressExists",
      "listArticleVersions",
    ].map((name) => [
      `articles/reads.ts:${name}`,
      { kind: "public" as const, why: "reads only what customers may read (customerVisible), which they see anyway" },
    ]),
  ),
  "articles/slugs.ts:otherLanguageSlugs": {
    kind: "db",
    why: "slugs whose cached pages a publish, restore or status change drops, inside those authorized functions",
  },
  "articles/reads.ts:listSearchableArticles": {
    kind: "db",
    why: "builds the search indexes in lib/search/server.ts; the staff's (internal articles too) is only answered after a session check",
  },
  "articles/reads.ts:getContentVersion": {
    kind: "db",
    why: "the fingerprint of the search indexes and the feeds' snapshot (lib/search/server.ts, lib/feeds/library.ts) and the health check; a count and a time, no content",
  },
  "articles/reads.ts:findArticleAudience": {
    kind: "db",
    why: "proxy.ts routes /articles/<slug> with it: internal ones to signed-in staff only, 404 to everyone else",
  },
  "staff/users.ts:createStaffUser": { kind: "db", why: "`npm run staff:create` makes the first admin with it; the staff area uses createStaffUserAsAdmin" },
  "search/rule-history.ts:recordRuleChange": {
    kind: "db",
    why: "history row written inside the authorized synonym and pin functions' transaction, with their actor",
  },
};

interface ExportedFunction {
  module: string;
  name: string;
  params: number;
  /** Position of the StaffContext parameter, or null when there is none. */
  ctxIndex: number | null;
  /** The role the function's own authorize(…) call asks for, if it makes one. */
  role: "editor" | "admin" | null;
  /** No StaffContext, no database parameter, and a module that does not import the server's client. */
  pure: boolean;
}

/** Module paths relative to lib/, such as "staff/users.ts". */
function staffModules(): string[] {
  return STAFF_DIRS.flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts") && !file.endsWith(".test.ts"))
      .map((file) => `${dir.replace(/^lib\//, "")}/${file}`),
  )
    .concat(
      readdirSync(path.join(ROOT, SEARCH_DIR), { encoding: "utf8" })
        .filter((file) => file.endsWith(".ts") && /from\s+["']\.\.\/auth\/roles["']/.test(readFileSync(path.join(ROOT, SEARCH_DIR, file), "utf8")))
        .map((file) => `search/${file}`),
    )
    .sort();
}

const modulePath = (module: string) => path.join(ROOT, "lib", module);

/** Exported functions of a module, read from its source so parameter types can be seen. */
function exportedFunctions(module: string): ExportedFunction[] {
  const text = readFileSync(modulePath(module), "utf8");
  const source = ts.createSourceFile(module, text, ts.ScriptTarget.Latest, true);
  const importsServerClient = /from\s+["'](?:\.\.\/(?:db|context)|@\/lib\/(?:db|context))["']/.test(text);
  const found: ExportedFunction[] = [];
  const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const describe = (name: string, fn: ts.SignatureDeclaration & { body?: ts.Node }) => {
    const ctxIndex = fn.parameters.findIndex((p) => p.type && /\bStaffContext\b/.test(p.type.getText(source)));
    const role = /\bauthorize\(\s*[\w.]+\s*,\s*"(editor|admin)"\s*\)/.exec(fn.body?.getText(source) ?? "")?.[1] as "editor" | "admin" | undefined;
    // An untyped parameter counts as data unless its default value shows what it is.
    const typeOf = (p: ts.ParameterDeclaration) => p.type?.getText(source) ?? p.initializer?.getText(source) ?? "Database";
    const takesData = fn.parameters.some((p) => /\b(Database|Transaction|PrismaClient|StaffContext|SiteContext|db)\b/.test(typeOf(p)));
    found.push({
      module,
      name,
      params: fn.parameters.length,
      ctxIndex: ctxIndex === -1 ? null : ctxIndex,
      role: role ?? null,
      pure: !takesData && !importsServerClient,
    });
  };
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) describe(statement.name.text, statement);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) describe(declaration.name.text, init);
      }
    }
  }
  return found;
}

const isClass = (value: unknown) => typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value));

const modules = staffModules();
const functions = modules.flatMap(exportedFunctions);
const guarded = functions.filter((fn) => fn.ctxIndex !== null);

const editor: Actor = { id: "probe-editor", email: "probe-editor@example.com", name: "Probe Editor", role: "editor" };

describe("staff functions refuse callers without the role", () => {
  let t: TestDatabase;
  let models: string[];
  beforeAll(async () => {
    t = await createTestDatabase();
    const schema = readFileSync(path.join(ROOT, "prisma/sqlite/schema.prisma"), "utf8");
    models = [...schema.matchAll(/^model (\w+)/gm)].map((m) => m[1]!.charAt(0).toLowerCase() + m[1]!.slice(1));
    // Something to find, so a function that skipped its check would have data to leak or change.
    await t.db.category.create({ data: { slug: "email", name: "Email", description: "Mail settings and problems.", position: 0 } });
    await t.db.staffUser.create({ data: { email: "someone@example.com", name: "Someone", role: "admin", passwordHash: "x" } });
  });
  afterAll(() => t.dispose());

  const counts = async () =>
    Object.fromEntries(
      await Promise.all(models.map(async (m) => [m, await (t.db as unknown as Record<string, { count(): Promise<number> }>)[m]!.count()] as const)),
    );

  /** A context whose database records whether it was touched at all. */
  function probeContext(actor: Actor | null) {
    const touched: string[] = [];
    const db = new Proxy(t.db, {
      get(target, property, receiver) {
        touched.push(String(property));
        return Reflect.get(target, property, receiver);
      },
    });
    return { ctx: { db, actor } satisfies StaffContext, touched };
  }

  async function call(fn: ExportedFunction, actor: Actor | null) {
    const loaded = (await import(modulePath(fn.module))) as Record<string, (...args: unknown[]) => unknown>;
    const { ctx, touched } = probeContext(actor);
    const args: unknown[] = Array.from({ length: Math.max(fn.params, 1) }, () => ({}));
    args[fn.ctxIndex!] = ctx;
    const outcome = await new Promise((resolve) => resolve(loaded[fn.name]!(...args))).then(
      () => ({ status: "resolved" as unknown }),
      (error: unknown) => ({ status: (error as { status?: unknown }).status ?? String(error) }),
    );
    return { status: outcome.status, touched };
  }

  it("finds the staff modules and their guarded functions on disk", () => {
    expect(modules).toEqual(expect.arrayContaining(["staff/users.ts", "staff/library.ts", "staff/account.ts", "articles/publishing.ts", "articles/drafts.ts"]));
    expect(guarded.map((fn) => `${fn.module}:${fn.name}`)).toEqual(
      expect.arrayContaining([
        "staff/users.ts:listStaffUsers",
        "staff/users.ts:setStaffDisabled",
        "staff/library.ts:importLibraryUpload",
        "staff/account.ts:changeOwnPassword",
        "articles/publishing.ts:publishArticle",
        "articles/drafts.ts:saveDraft",
        "articles/list.ts:listStaffArticles",
      ]),
    );
  });

  it("has no exported function without a StaffContext that is not on the allowlist", async () => {
    const unguarded = functions.filter((fn) => fn.ctxIndex === null && !fn.pure).map((fn) => `${fn.module}:${fn.name}`);
    expect(
      unguarded.filter((key) => !(key in ALLOWLIST)),
      "take ctx: StaffContext and authorize, or add to ALLOWLIST with a reason",
    ).toEqual([]);
    // Exports the source reader cannot see (re-exports, wrapped functions) must not slip through either.
    for (const file of modules) {
      const exports = (await import(modulePath(file))) as Record<string, unknown>;
      const seen = new Set(functions.filter((fn) => fn.module === file).map((fn) => fn.name));
      const hidden = Object.entries(exports).filter(([name, value]) => typeof value === "function" && !isClass(value) && !seen.has(name));
      expect(hidden.map(([name]) => `${file}:${name}`)).toEqual([]);
    }
  });

  it("keeps allowlisted data helpers out of pages, actions and route handlers", () => {
    const helpers = Object.entries(ALLOWLIST)
      .filter(([, entry]) => entry.kind === "db")
      .map(([key]) => key.split(":") as [string, string]);
    const offenders: string[] = [];
    for (const folder of ["app", "components"]) {
      for (const file of readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f))) {
        const text = readFileSync(path.join(ROOT, folder, file), "utf8");
        for (const [module, name] of helpers) {
          const importLine = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*["'][^"']*lib/${module.replace(/\.ts$/, "")}["']`);
          if (importLine.test(text)) offenders.push(`${folder}/${file} imports ${name}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it.each(guarded.map((fn) => [`${fn.module}:${fn.name}`, fn] as const))("%s answers 401 to anonymous callers without touching the database", async (_, fn) => {
    const before = await counts();
    const { status, touched } = await call(fn, null);
    expect(status).toBe(401);
    expect(touched).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  const adminOnly = guarded.filter((fn) => fn.role === "admin");
  it("knows which functions are for admins", () => {
    expect(adminOnly.map((fn) => fn.name)).toEqual(
      expect.arrayContaining(["createStaffUserAsAdmin", "listStaffUsers", "changeStaffRole", "setStaffDisabled", "resetStaffPassword"]),
    );
  });

  it.each(adminOnly.map((fn) => [`${fn.module}:${fn.name}`, fn] as const))("%s answers 403 to editors without touching the database", async (_, fn) => {
    const before = await counts();
    const { status, touched } = await call(fn, editor);
    expect(status).toBe(403);
    expect(touched).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
