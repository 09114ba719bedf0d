// Runs before Next renders a page, for the paths in `config.matcher`. Four jobs, none of them
// authorization (every staff page, action and route handler checks the session itself):
//
// 1. Languages. Customer pages live under app/[locale], one root layout per language. The default
//    language keeps unprefixed addresses: /articles/x is rewritten to /en/articles/x, invisibly, and
//    /en/articles/x itself redirects to /articles/x, so every page has one address. Other languages
//    are asked for by their prefix (/de/articles/x). The home page without a prefix goes to the
//    language a reader chose in the switcher (its cookie), if that is not the default.
// 2. Unknown addresses end here. /articles/<slug> and /categories/<slug> are rendered on demand
//    and cached; a slug that is malformed or names nothing is answered with the language's 404 page
//    before Next's page route sees it, so random addresses cost one indexed lookup and enter no
//    cache, and the 404 is a server-rendered page (a notFound() thrown in an on-demand route
//    renders an empty shell until JavaScript runs: vercel/next.js#95613; app/[locale]/not-found-page
//    is rendered at build time). Any other address that is not a customer page gets that 404 too.
//    An article's Markdown copy, /articles/<slug>.md, is checked the same way and then handed to
//    its route handler (app/article-markdown/[slug]); that handler's own address answers 404, so
//    the copy has one address only.
// 3. Internal articles (staff only) are unknown addresses too, except to a valid staff session:
//    those requests are rewritten to app/[locale]/internal-articles, rendered per request and never
//    cached. Everyone else gets the same 404 as for a slug that names nothing, not a 403, so an
//    internal article's existence does not leak. The article route itself reads customer-visible
//    articles only, should a request reach it some other way (without the database, below). An
//    internal article has no Markdown copy, for anyone.
// 4. Staff pages learn which address was asked for, so that signing in can return there; the
//    header is only ever used as a return path inside /staff (lib/auth/current.ts safeReturnPath).
import { type NextRequest, NextResponse } from "next/server";
import { articleAddressExists, findArticleAudience, getCategory } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import type { ArticleAudience } from "@/lib/articles/visibility";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { findSessionActor } from "@/lib/auth/sessions";
import { siteContext } from "@/lib/context";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale, splitLocalePath } from "@/lib/i18n/locales";

export const STAFF_PATH_HEADER = "x-staff-path";

/** Where each language's 404 page is (app/[locale]/not-found-page): rendered at build time, answered with status 404. */
const notFoundPath = (locale: Locale) => `/${locale}/not-found-page`;

const LIBRARY_PAGE = /^\/(articles|categories)\/([^/]*)$/;
const MARKDOWN_COPY = /^\/articles\/([^/]*)\.md$/;
/** The other customer pages, as their paths look without the language prefix. */
const CUSTOMER_PAGES = [/^\/$/, /^\/search$/, /^\/contact$/, /^\/contact\/sent$/, /^\/articles\/[^/]+\/og\.png$/];
/** Where the Markdown copies are answered (app/article-markdown/[slug]/route.ts); reached only through a rewrite. */
export const MARKDOWN_ROUTE = "/article-markdown";
/** Where signed-in staff read an internal article (app/[locale]/internal-articles); reached only through a rewrite. */
const INTERNAL_ARTICLES = "/internal-articles";
/** Routes reached only through a rewrite, in any language. */
const REWRITE_ONLY = [INTERNAL_ARTICLES, "/not-found-page"];

function rewriteTo(request: NextRequest, pathname: string, init?: ResponseInit) {
  const target = request.nextUrl.clone();
  target.pathname = pathname;
  target.search = "";
  return NextResponse.rewrite(target, init);
}

/** The language's 404 page, answered with status 404. */
function notFoundIn(request: NextRequest, locale: Locale) {
  return rewriteTo(request, notFoundPath(locale), { status: 404 });
}

/** The same request, in the language's folder of app/[locale], keeping its query. */
function rewriteToLocale(request: NextRequest, locale: Locale, path: string, init?: ResponseInit) {
  const target = request.nextUrl.clone();
  target.pathname = path === "/" ? `/${locale}` : `/${locale}${path}`;
  return NextResponse.rewrite(target, init);
}

/** Whether `path` is one of the routes reached only through a rewrite, or below it. */
const under = (pathname: string, route: string) => pathname === route || pathname.startsWith(`${route}/`);

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (under(pathname, "/staff")) {
    const headers = new Headers(request.headers);
    headers.set(STAFF_PATH_HEADER, pathname + request.nextUrl.search);
    return NextResponse.next({ request: { headers } });
  }
  // Asked for directly, the Markdown route does not exist: its only addresses are the ones rewritten here.
  if (under(pathname, MARKDOWN_ROUTE)) return notFoundIn(request, DEFAULT_LOCALE);

  const { locale, path, prefixed } = splitLocalePath(pathname);
  // The default language's own prefix is not one of its addresses: /en/articles/x is /articles/x.
  if (prefixed && locale === DEFAULT_LOCALE) {
    const target = request.nextUrl.clone();
    target.pathname = path;
    return NextResponse.redirect(target, 308);
  }
  if (REWRITE_ONLY.some((route) => under(path, route))) return notFoundIn(request, locale);

  const markdown = MARKDOWN_COPY.exec(path);
  if (markdown) {
    const slug = slugSchema.safeParse(markdown[1]);
    // A renamed article's old slug goes on too: the route handler redirects it.
    const exists = slug.success && (await articleAddressExists(siteContext(), slug.data));
    return exists ? rewriteTo(request, `${MARKDOWN_ROUTE}/${slug.data}`) : notFoundIn(request, locale);
  }

  const page = LIBRARY_PAGE.exec(path);
  if (page) {
    const [, kind, rawSlug] = page;
    const slug = slugSchema.safeParse(rawSlug);
    if (!slug.success) return notFoundIn(request, locale);
    let audience: ArticleAudience | null;
    try {
      audience = kind === "articles" ? await findArticleAudience(siteContext(), slug.data) : (await getCategory(siteContext(), slug.data)) ? "public" : null;
      if (audience === "internal" && !(await isSignedInStaff(request))) audience = null;
    } catch (error) {
      // Without the database the check cannot be made: Next answers from its own cache what it
      // rendered before (a page customers were reading stays readable), or with its error page.
      // The article route renders public articles only, so nothing internal can be among them.
      if (isDatabaseUnavailable(error)) return rewriteToLocale(request, locale, path);
      throw error;
    }
    if (audience === "public") return rewriteToLocale(request, locale, path);
    if (audience === "internal") {
      return rewriteTo(request, `/${locale}${INTERNAL_ARTICLES}/${slug.data}`, { headers: { "X-Robots-Tag": "noindex, nofollow" } });
    }
    return notFoundIn(request, locale);
  }

  if (!CUSTOMER_PAGES.some((pattern) => pattern.test(path))) return notFoundIn(request, locale);
  // The home page goes to the language the reader chose last time, when it is not the default.
  if (path === "/" && !prefixed) {
    const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
    if (isLocale(chosen) && chosen !== DEFAULT_LOCALE) {
      const target = request.nextUrl.clone();
      target.pathname = `/${chosen}`;
      return NextResponse.redirect(target, 307);
    }
  }
  return rewriteToLocale(request, locale, path);
}

async function isSignedInStaff(request: NextRequest): Promise<boolean> {
  return (await findSessionActor(siteContext().db, request.cookies.get(SESSION_COOKIE)?.value)) !== null;
}

export const config = {
  // Every page address: not Next's own files, the API, route handlers with addresses of their own
  // (feeds, sitemap, search index files, icons), or files in public/ (images/).
  matcher: [
    "/((?!_next/|api/|search-index/|images/|feed\\.xml|sitemap\\.xml|robots\\.txt|llms\\.txt|llms-full\\.txt|opensearch\\.xml|og\\.png|favicon\\.ico|icon\\.svg).*)",
  ],
};
