// Runs before Next renders a page, for the paths in `config.matcher`. Two jobs, neither of them
// authorization (every staff page, action and route handler checks the session itself):
//
// 1. Unknown addresses end here. /articles/<slug> and /categories/<slug> are rendered on demand
//    and cached; a slug that is malformed or names nothing is answered with the site's 404 page
//    before Next's page route sees it, so random addresses cost one indexed lookup and enter no
//    cache, and the 404 is the server-rendered page (a notFound() thrown in an on-demand route
//    renders an empty shell until JavaScript runs: vercel/next.js#95613). An article's Markdown
//    copy, /articles/<slug>.md, is checked the same way and then handed to its route handler
//    (app/article-markdown/[slug]); that handler's own address answers 404, so the copy has one
//    address only.
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
const MARKDOWN_COPY = /^\/articles\/([^/]*)\.md$/;
/** Where the Markdown copies are answered (app/article-markdown/[slug]/route.ts); reached only through a rewrite. */
export const MARKDOWN_ROUTE = "/article-markdown";

function rewriteTo(request: NextRequest, pathname: string) {
  const target = request.nextUrl.clone();
  target.pathname = pathname;
  target.search = "";
  return NextResponse.rewrite(target);
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const markdown = MARKDOWN_COPY.exec(pathname);
  if (markdown) {
    const slug = slugSchema.safeParse(markdown[1]);
    // A renamed article's old slug goes on too: the route handler redirects it.
    const exists = slug.success && (await articleAddressExists(siteContext(), slug.data));
    return rewriteTo(request, exists ? `${MARKDOWN_ROUTE}/${slug.data}` : NOT_FOUND_PATH);
  }
  if (pathname === MARKDOWN_ROUTE || pathname.startsWith(`${MARKDOWN_ROUTE}/`)) return rewriteTo(request, NOT_FOUND_PATH);
  const page = LIBRARY_PAGE.exec(pathname);
  if (page) {
    const [, kind, rawSlug] = page;
    const slug = slugSchema.safeParse(rawSlug);
    if (!slug.success) return rewriteTo(request, NOT_FOUND_PATH);
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
    return rewriteTo(request, NOT_FOUND_PATH);
  }
  const headers = new Headers(request.headers);
  headers.set(STAFF_PATH_HEADER, pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/staff/:path*", "/articles/:path*", "/categories/:path*", "/article-markdown/:path*"] };
