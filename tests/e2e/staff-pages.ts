// The staff area's pages and route handlers, found on disk (never listed by hand), so a new page is
// checked by every spec that walks them: authorization, and HTML validity.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Database } from "../../lib/db-client";

const ROOT = process.cwd();
const STAFF_PAGES_DIR = path.join(ROOT, "app/(staff)/staff");
export const STAFF_ROUTES_DIR = path.join(ROOT, "app/api/staff");

/** Staff pages anyone may open. */
export const PUBLIC_STAFF_PAGES = new Set(["/staff/sign-in"]);

/** The folders (as path segments) under `dir` that hold a file called `name`. */
export function routeFolders(dir: string, name: string): string[][] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) =>
      path
        .dirname(file)
        .split(path.sep)
        .filter((s) => s !== "."),
    );
}

/** URL path of a route folder: groups dropped, dynamic segments filled from real rows. */
export function toUrl(prefix: string, segments: string[], fill: (param: string) => string): string | null {
  if (segments.some((s) => s.startsWith("_") || s.startsWith("@"))) return null; // private folders and slots are not routes
  const parts = segments.filter((s) => !/^\(.*\)$/.test(s)).map((s) => (/^\[+\.*(.+?)\]+$/.test(s) ? fill(/^\[+\.*(.+?)\]+$/.exec(s)![1]!) : s));
  return [prefix, ...parts].join("/").replace(/\/$/, "") || "/";
}

/** Every staff page's URL (sign-in included), dynamic segments filled by `fill`. */
export function staffPageUrls(fill: (param: string) => string): string[] {
  return routeFolders(STAFF_PAGES_DIR, "page.tsx")
    .map((segments) => toUrl("/staff", segments, fill))
    .filter((url): url is string => url !== null);
}

/** Fills dynamic route segments with a real article (the seeded IMAP one) and its published revision. */
export async function seededRouteParams(db: Database): Promise<(param: string) => string> {
  const article = await db.article.findFirstOrThrow({
    where: { slug: "the-difference-between-imap-and-pop" },
    select: { id: true, slug: true, publishedRevisionId: true },
  });
  return (param) => (/slug/i.test(param) ? article.slug : /revision/i.test(param) ? (article.publishedRevisionId ?? article.id) : article.id);
}
