// Runs before Next renders a page, for the paths in `config.matcher`. Two jobs, neither of them
// authorization (every staff page, action and route handler checks the session itself):
//
// 1. Unknown addresses end here. /articles/<slug> and /categories/<slug> are rendered on demand
//    and cached; a slug that is malformed or names nothing is answered with the site's 404 page
//    before Next's page route sees it, so random addresses cost one indexed lookup and enter no
//    cache, and the 404 is the server-rendered page (a notFound() thrown in an on-demand route
//    renders an empty shell until JavaScript runs: vercel/next.js#95613).
// 2. Staff pages learn which address was asked for, so that signing in can return there; the
//    header is only ever used as a return path inside /staff (lib/auth/current.ts safeReturnPath).
import { type NextRequest, NextResponse } from "next/server";
import { articleAddressExists, getCategory } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import { siteContext } from "@/lib/context";
import { isDatabaseUnavailable } from "@/lib/db-errors";

export const STAFF_PATH_HEADER = "x-staff-path";

/** A path no route can match (folders starting with _ are private in the App Router): Next answers it with app/not-found.tsx and a 404. */
const NOT_FOUND_PATH = "/_not-found-address";

const LIBRARY_PAGE = /^\/(articles|categories)\/([^/]*)$/;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const page = LIBRARY_PAGE.exec(pathname);
  if (page) {
    const [, kind, rawSlug] = page;
    const slug = slugSchema.safeParse(rawSlug);
    if (!slug.success) return NextResponse.rewrite(notFoundAddress(request));
    let exists: boolean;
    try {
      exists = kind === "articles" ? await articleAddressExists(siteContext(), slug.data) : (await getCategory(siteContext(), slug.data)) !== null;
    } catch (error) {
      // Without the database the check cannot be made: Next answers from its own cache what it
      // rendered before (a page customers were reading stays readable), or with its error page.
      if (isDatabaseUnavailable(error)) return NextResponse.next();
      throw error;
    }
    if (exists) return NextResponse.next();
    return NextResponse.rewrite(notFoundAddress(request));
  }
  const headers = new Headers(request.headers);
  headers.set(STAFF_PATH_HEADER, pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

function notFoundAddress(request: NextRequest) {
  const notFound = request.nextUrl.clone();
  notFound.pathname = NOT_FOUND_PATH;
  notFound.search = "";
  return notFound;
}

export const config = { matcher: ["/staff/:path*", "/articles/:path*", "/categories/:path*"] };
