// After a publish, unpublish, archive, delete or restore: customers see the change on their next
// request, without a rebuild. Cached pages are dropped here, in Next and in the page cache in front
// of it; the search index notices the new content version itself (lib/search/server.ts) and is
// told to look now.
import "server-only";
import { revalidatePath } from "next/cache";
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
  revalidatePath("/");
  if (leftCustomers) revalidatePath("/", "layout");
  for (const slug of new Set(slugs)) revalidatePath(`/articles/${slug}`);
  for (const category of new Set(categorySlugs)) revalidatePath(`/categories/${category}`);
  // Everything, not just these paths: other pages list the article too (related, category).
  purgePageCache();
  refreshSearchIndexSoon();
}
