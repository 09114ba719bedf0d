// After a publish, unpublish, archive, delete or restore: customers see the change on their next
// request, without a rebuild. Cached pages are dropped here, in Next and in the page cache in front
// of it; the search index notices the new content version itself (lib/search/server.ts) and is
// told to look now.
import "server-only";
import { revalidatePath } from "next/cache";
import { LOCALES } from "../i18n/locales";
import { purgePageCache } from "../page-cache/purge";
import { refreshSearchIndexSoon } from "../search/server";

/**
 * `leftCustomers`: an article customers could read no longer is (made internal, unpublished,
 * archived, deleted). Every page is dropped then, not just its own: any article may list it among
 * its related articles, and every page carries the not-found fallback with its popular articles,
 * none of which may keep showing its title until their minute is up.
 */
export function revalidateCustomerPages({
  slugs,
  categorySlugs,
  leftCustomers = false,
}: {
  slugs: string[];
  categorySlugs: string[];
  leftCustomers?: boolean;
}) {
  if (leftCustomers) revalidatePath("/", "layout");
  // Next caches the pages at their routes' own paths, under the language (proxy.ts rewrites
  // /articles/x to /en/articles/x). Every language's: a source stands in where it is not translated.
  for (const locale of LOCALES) {
    revalidatePath(`/${locale}`);
    for (const slug of new Set(slugs)) revalidatePath(`/${locale}/articles/${slug}`);
    for (const category of new Set(categorySlugs)) revalidatePath(`/${locale}/categories/${category}`);
  }
  // Everything, not just these paths: other pages list the article too (related, category).
  purgePageCache();
  refreshSearchIndexSoon();
}
