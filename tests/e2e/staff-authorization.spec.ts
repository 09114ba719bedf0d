// Anonymous requests get nothing from the staff area, over real HTTP: every staff page, every
// staff route handler and every server action in the build, found on disk and in the build's
// manifest (not listed by hand), also with the header tricks that once bypassed Next.js middleware.
// Each request must change nothing in the whole database, so these run against a site of their
// own (tests/e2e/extra-server.ts), where no other test writes meanwhile.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { createSession } from "../../lib/auth/sessions";
import { createPrismaClient, type Database } from "../../lib/db-client";
import { E2E_DIST_DIR } from "./constants";
import { launchExtraServer, type ExtraServer } from "./extra-server";
import { HEADER_TRICKS } from "./header-tricks";
import { createStaffAccount, expect, SESSION_COOKIE, test } from "./staff-fixtures";
import { PUBLIC_STAFF_PAGES, routeFolders, seededRouteParams, STAFF_ROUTES_DIR, staffPageUrls, toUrl } from "./staff-pages";

const ROOT = process.cwd();

/**
 * Actions anonymous visitors may call: signing in, signing out (which ends nothing without a
 * session), and the customer forms without JavaScript (tests/e2e/no-javascript.spec.ts).
 */
const PUBLIC_ACTIONS = new Set([
  "components/auth/actions.ts#signInAction",
  "components/auth/actions.ts#signOutAction",
  "components/contact/actions.ts#sendContactAction",
  "components/feedback/actions.ts#rateArticleAction",
]);

interface Secrets {
  markers: string[];
  fill: (param: string) => string;
}

/** Data only staff may see, each with a unique marker, and real ids for dynamic routes. */
async function plantSecrets(db: Database): Promise<Secrets> {
  const marker = () => `staffsecret${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const [nameMarker, messageMarker, commentMarker, queryMarker] = [marker(), marker(), marker(), marker()];
  await createStaffAccount(db, "admin", `Admin ${nameMarker}`);
  const fill = await seededRouteParams(db);
  const articleId = fill("id");
  await db.contactRequest.create({ data: { name: "Customer", email: "customer@example.com", message: `Please help ${messageMarker}`, articleId } });
  await db.feedback.create({ data: { articleId, visitorId: randomUUID(), rating: "sad", comments: { create: { body: `Not helpful ${commentMarker}` } } } });
  await db.searchEvent.create({ data: { query: queryMarker, resultCount: 0 } });
  return { markers: [nameMarker, messageMarker, commentMarker, queryMarker], fill };
}

function expectNoStaffData(body: string, secrets: Secrets, where: string) {
  for (const marker of secrets.markers) expect(body, `${where} leaked ${marker}`).not.toContain(marker);
  expect(body, `${where} shows the signed-in staff header`).not.toMatch(/Your account: |Sign out<\/button>/);
}

/** A session cookie for an account, straight from the sessions table (no sign-in form needed). */
async function sessionHeader(db: Database, role: "editor" | "admin") {
  const account = await createStaffAccount(db, role);
  const { token } = await createSession(db, account.id);
  return { Cookie: `${SESSION_COOKIE}=${token}` };
}

/** Everything but sign-in bookkeeping (sessions, throttling). */
async function snapshot(db: Database) {
  const [categories, articles, revisions, drafts, redirects, users, contacts, feedback, searches, views] = await Promise.all([
    db.category.findMany({ orderBy: { slug: "asc" } }),
    db.article.findMany({ orderBy: { id: "asc" } }),
    db.articleRevision.findMany({ orderBy: { id: "asc" }, select: { id: true, contentHash: true } }),
    db.articleDraft.findMany({ orderBy: { articleId: "asc" } }),
    db.slugRedirect.findMany({ orderBy: { fromSlug: "asc" } }),
    db.staffUser.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, disabledAt: true, passwordHash: true, email: true, name: true } }),
    db.contactRequest.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, handledById: true } }),
    db.feedback.findMany({
      orderBy: { id: "asc" },
      select: { id: true, rating: true, comments: { orderBy: { id: "asc" }, select: { id: true, body: true } } },
    }),
    db.searchEvent.findMany({ orderBy: { id: "asc" } }),
    db.articleViewDay.findMany({ orderBy: [{ articleId: "asc" }, { day: "asc" }] }),
  ]);
  return { categories, articles, revisions, drafts, redirects, users, contacts, feedback, searches, views };
}

/** Runs a request and checks it changed nothing (on this spec's own site, nothing else writes). */
async function expectUnchanged(db: Database, run: () => Promise<void>, what: string) {
  const before = await snapshot(db);
  await run();
  expect(await snapshot(db), `${what} changed the database`).toEqual(before);
}

/**
 * Requests a URL without following redirects, except the one Next.js answers RSC requests with
 * first: the same path again with a cache-busting ?_rsc= added. Every body on the way is returned.
 */
async function fetchStaff(request: APIRequestContext, url: string, options: { method?: string; headers: Record<string, string>; data?: string }) {
  const bodies: string[] = [];
  let response = await request.fetch(url, { ...options, maxRedirects: 0 });
  bodies.push(await response.text());
  for (let hop = 0; hop < 2 && response.status() === 307; hop++) {
    const location = response.headers()["location"] ?? "";
    if (new URL(location, "http://localhost").pathname !== url) break;
    response = await request.fetch(location, { ...options, maxRedirects: 0 });
    bodies.push(await response.text());
  }
  return { response, body: bodies.at(-1)!, bodies };
}

interface ManifestAction {
  id: string;
  key: string;
  pages: string[];
  /** Pages that render the action themselves; posted anywhere else, Next forwards it. */
  ownPages: Set<string>;
  admin: boolean;
}

/** Every server action in the build, with the pages that use it and whether it is for admins. */
function serverActions(fill: (param: string) => string): ManifestAction[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, E2E_DIST_DIR, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const source = entry.filename && existsSync(path.join(ROOT, entry.filename)) ? readFileSync(path.join(ROOT, entry.filename), "utf8") : "";
    const admin = new RegExp(`export const ${entry.exportedName}\\s*=\\s*staffAction\\(\\s*"admin"`).test(source);
    const pages = Object.keys(entry.workers)
      .filter((worker) => worker.startsWith("app/") && worker.endsWith("/page"))
      .map((worker) => toUrl("", worker.split("/").slice(1, -1), fill))
      .filter((url): url is string => url !== null);
    return { id, key: `${entry.filename}#${entry.exportedName}`, pages: [...new Set(["/staff", ...pages])], ownPages: new Set(pages), admin };
  });
}

async function postAction(request: APIRequestContext, baseURL: string, url: string, id: string, body: string, headers: Record<string, string> = {}) {
  const response = await request.post(url, {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseURL, ...headers },
    data: body,
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text(), location: response.headers()["location"] ?? response.headers()["x-action-redirect"] ?? "" };
}

test.describe("the staff area refuses anonymous requests", () => {
  test.describe.configure({ mode: "serial", timeout: 300_000 });
  let server: ExtraServer | undefined;
  let db: Database;
  let request: APIRequestContext;
  let baseURL: string;

  test.beforeAll(async ({ playwright }, testInfo) => {
    test.setTimeout(300_000); // migrations, content import and a copy of the main build
    server = await launchExtraServer({ slot: 5, logDir: testInfo.project.outputDir });
    await server.ready(280_000);
    baseURL = server.baseURL;
    db = createPrismaClient(server.databaseUrl);
    request = await playwright.request.newContext({ baseURL });
  });

  test.afterAll(async () => {
    await request?.dispose();
    await db?.$disconnect();
    await server?.stop();
  });

  test("every staff page sends anonymous visitors to sign in and shows no staff data, whatever the headers", async () => {
    const secrets = await plantSecrets(db);
    const pages = staffPageUrls(secrets.fill).filter((url) => !PUBLIC_STAFF_PAGES.has(url));
    expect(pages).toEqual(expect.arrayContaining(["/staff", "/staff/users", "/staff/library", "/staff/account"]));

    for (const url of pages) {
      for (const headers of HEADER_TRICKS) {
        const where = `GET ${url} with ${JSON.stringify(headers)}`;
        const { response, body, bodies } = await fetchStaff(request, url, { headers });
        for (const seen of bodies) expectNoStaffData(seen, secrets, where);
        // A page load is redirected to sign in. A client-side navigation or prefetch (RSC) may get the
        // route's empty shell or the redirect inside its payload instead; either way no staff data (checked above).
        const redirected = response.status() === 307 && /^\/staff\/sign-in(\?|$)/.test(response.headers()["location"] ?? "");
        const rscAnswer = Boolean(headers.RSC) && response.status() === 200 && /^text\/x-component/.test(response.headers()["content-type"] ?? "");
        expect(redirected || rscAnswer, `${where} answered ${response.status()} ${response.headers()["location"] ?? ""}: ${body.slice(0, 200)}`).toBe(true);
      }
    }
  });

  test("every staff route handler answers 401 to anonymous requests and 403 to editors where admins are needed", async () => {
    const secrets = await plantSecrets(db);
    const routes = routeFolders(STAFF_ROUTES_DIR, "route.ts").map((segments) => {
      const source = readFileSync(path.join(STAFF_ROUTES_DIR, ...segments, "route.ts"), "utf8");
      const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
      return { url: toUrl("/api/staff", segments, secrets.fill)!, methods, admin: /requireRouteActor\(\s*"admin"\s*\)/.test(source) };
    });
    expect(routes.map((r) => r.url)).toEqual(expect.arrayContaining(["/api/staff/library/export", "/api/staff/library/import"]));
    const editor = await sessionHeader(db, "editor");

    for (const route of routes) {
      expect(route.methods.length, `${route.url} exports no handler`).toBeGreaterThan(0);
      for (const method of route.methods) {
        for (const headers of HEADER_TRICKS) {
          const where = `${method} ${route.url} with ${JSON.stringify(headers)}`;
          await expectUnchanged(
            db,
            async () => {
              const { response, body, bodies } = await fetchStaff(request, route.url, {
                method,
                headers: { ...headers, "Content-Type": "application/json" },
                ...(method === "GET" ? {} : { data: "{}" }),
              });
              for (const seen of bodies) expectNoStaffData(seen, secrets, where);
              expect(response.status(), where).toBe(401);
              expect(JSON.parse(body), where).toEqual({ error: expect.stringMatching(/sign in/i) });
            },
            where,
          );
        }
        if (route.admin) {
          const response = await request.fetch(route.url, {
            method,
            headers: { ...editor, "Content-Type": "application/json" },
            ...(method === "GET" ? {} : { data: "{}" }),
          });
          expect(response.status(), `${method} ${route.url} as an editor`).toBe(403);
        }
      }
    }
  });

  test("every server action refuses anonymous callers, and editors where admins are needed, changing nothing", async () => {
    const secrets = await plantSecrets(db);
    const actions = serverActions(secrets.fill);
    expect(actions.map((a) => a.key)).toEqual(
      expect.arrayContaining(["components/users/actions.ts#createUserAction", "components/account/actions.ts#changePasswordAction"]),
    );
    const editor = await sessionHeader(db, "editor");

    for (const action of actions.filter((a) => !PUBLIC_ACTIONS.has(a.key))) {
      for (const url of action.pages) {
        for (const body of ["[]", "[{}]", '["{}"]']) {
          const where = `${action.key} posted anonymously to ${url} with ${body}`;
          await expectUnchanged(
            db,
            async () => {
              const answer = await postAction(request, baseURL, url, action.id, body);
              expect(answer.text, where).not.toMatch(/"ok":true/);
              expectNoStaffData(answer.text, secrets, where);
              // staffAction answers {ok:false,status:401}; an action that redirects must send to sign-in.
              // Posted to a page that does not render it, Next forwards the action to one that does, and
              // its own cross-site check may refuse the forwarded request first ("Invalid Server Actions
              // request", sent as an error digest, with status 200 or 500): refused all the same.
              const forwardedRefusal = !action.ownPages.has(url) && (answer.status >= 400 || /^1:E\{"digest":"\d+"\}$/m.test(answer.text));
              const refused = /"ok":false,"status":401/.test(answer.text) || /\/staff\/sign-in/.test(answer.location) || forwardedRefusal;
              expect(refused, `${where} answered ${answer.status}: ${answer.text.slice(0, 300)}`).toBe(true);
            },
            where,
          );
        }
      }
      if (action.admin) {
        const where = `${action.key} posted by an editor`;
        await expectUnchanged(
          db,
          async () => {
            // Posted to a page that renders the action, so it runs and answers for itself (posted
            // elsewhere, Next's forwarding may refuse it before it runs, which proves less).
            const answer = await postAction(request, baseURL, [...action.ownPages][0] ?? "/staff", action.id, "[{}]", editor);
            expect(answer.text, where).toMatch(/"ok":false,"status":403/);
          },
          where,
        );
      }
    }
  });
});
