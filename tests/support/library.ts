// Builds the customers' search index straight from the content library, as the server does from the
// database: internal articles (staff only) are left out, as customerVisible leaves them out there.
import path from "node:path";
import { readLibrary } from "@/lib/content/library";
import { toSearchDocument } from "@/lib/search/documents";
import { SearchEngine } from "@/lib/search/engine";
import { buildSearchIndex } from "@/lib/search/index-data";

export const CONTENT_DIR = path.resolve(import.meta.dirname, "../../content");

export async function loadLibraryIndex() {
  const library = await readLibrary(CONTENT_DIR);
  const names = new Map(library.categories.map((c) => [c.slug, c.name]));
  const data = buildSearchIndex(
    library.articles.filter((a) => a.frontmatter.audience === "public").map((a) =>
      toSearchDocument({
        slug: a.slug,
        title: a.frontmatter.title,
        description: a.frontmatter.description,
        categoryName: names.get(a.category)!,
        tags: a.frontmatter.tags,
        body: a.body,
      }),
    ),
  );
  return { library, data, engine: new SearchEngine(data) };
}
