// Runs before Next renders a page, for the paths in `config.matcher`. Three jobs, none of them
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
// 2. Internal articles (staff only) are unknown addresses too, except to a valid staff session:
//    those requests are rewritten to app/(site)/internal-articles, rendered per request and never
//    cached. Everyone else gets the same 404 as for a slug that names nothing, not a 403, so an
//    internal article's existence does not leak. The article route itself reads customer-visible
//    articles only, should a request reach it some other way (without the database, below). An
//    internal article has no Markdown copy, for anyone.
// 3. Staff pages learn which address was asked for, so that signing in can return there; the
//    header is only ever used as a return path inside /staff (lib/auth/current.ts safeReturnPath).
import { type NextRequest, NextResponse } from "next/server";
import { articleAddressExists, findArticleAudience, getCategory } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import type { ArticleAudience } from "@/lib/articles/visibility";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { findSessionActor } from "@/lib/auth/sessions";
import { siteContext } from "@/lib/context";
import { isDatabaseUnavailable } from "@/lib/db-errors";

export const STAFF_PATH_HEADER = "x-staff-path";

/** A path no route can match (folders starting with _ are private in the App Router): Next answers it with app/not-found.tsx and a 404. */
const NOT_FOUND_PATH = "/_not-found-address";

const LIBRARY_PAGE = /^\/(articles|categories)\/([^/]*)$/;
const MARKDOWN_COPY = /^\/articles\/([^/]*)\.md$/;
/** Where the Markdown copies are answered (app/article-markdown/[slug]/route.ts); reached only through a rewrite. */
export const MARKDOWN_ROUTE = "/article-markdown";
/** Where signed-in staff read an internal article (app/(site)/internal-articles); reached only through a rewrite. */
const INTERNAL_ARTICLES = "/internal-articles";

function rewriteTo(request: NextRequest, pathname: string) {
  const target = request.nextUrl.clone();
  target.pathname = pathname;
  target.search = "";
  return NextResponse.rewrite(target);
}

/** Whether `path` is one of the routes reached only through a rewrite, or below it. */
const under = (pathname: string, route: string) => pathname === route || pathname.startsWith(`${route}/`);

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const markdown = MARKDOWN_COPY.exec(pathname);
  if (markdown) {
    const slug = slugSchema.safeParse(markdown[1]);
    // A renamed article's old slug goes on too: the route handler redirects it.
    const exists = slug.success && (await articleAddressExists(siteContext(), slug.data));
    return rewriteTo(request, exists ? `${MARKDOWN_ROUTE}/${slug.data}` : NOT_FOUND_PATH);
  }
  // Asked for directly, these routes do not exist: their only addresses are the ones rewritten here.
  if (under(pathname, MARKDOWN_ROUTE) || under(pathname, INTERNAL_ARTICLES)) return rewriteTo(request, NOT_FOUND_PATH);
  const page = LIBRARY_PAGE.exec(pathname);
  if (page) {
    const [, kind, rawSlug] = page;
    const slug = slugSchema.safeParse(rawSlug);
    if (!slug.success) return rewriteTo(request, NOT_FOUND_PATH);
    let audience: ArticleAudience | null;
    try {
      audience = kind === "articles" ? await findArticleAudience(siteContext(), slug.data) : (await getCategory(siteContext(), slug.data)) ? "public" : null;
      if (audience === "internal" && !(await isSignedInStaff(request))) audience = null;
    } catch (error) {
      // Without the database the check cannot be made: Next answers from its own cache what it
      // rendered before (a page customers were reading stays readable), or with its error page.
      // The article route renders public articles only, so nothing internal can be among them.
      if (isDatabaseUnavailable(error)) return NextResponse.next();
      throw error;
    }
    if (audience === "public") return NextResponse.next();
    if (audience === "internal") {
      const internal = request.nextUrl.clone();
      internal.pathname = `${INTERNAL_ARTICLES}/${slug.data}`;
      return NextResponse.rewrite(internal, { headers: { "X-Robots-Tag": "noindex, nofollow" } });
    }
    return rewriteTo(request, NOT_FOUND_PATH);
  }
  const headers = new Headers(request.headers);
  headers.set(STAFF_PATH_HEADER, pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

async function isSignedInStaff(request: NextRequest): Promise<boolean> {
  return (await findSessionActor(siteContext().db, request.cookies.get(SESSION_COOKIE)?.value)) !== null;
}

export const config = {
  matcher: ["/staff/:path*", "/articles/:path*", "/categories/:path*", "/article-markdown/:path*", "/internal-articles", "/internal-articles/:path*"],
};
