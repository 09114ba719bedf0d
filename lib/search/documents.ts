// What of an article goes into the search index. Used by the server and by the tests, which
// build the index straight from the content library.
import { extractHeadings } from "../mdx/headings";
import type { SearchDocumentInput } from "./index-data";

export function toSearchDocument(article: {
  slug: string;
  title: string;
  description: string;
  categoryName: string;
  tags: string[];
  body: string;
}): SearchDocumentInput {
  return {
    slug: article.slug,
    title: article.title,
    description: article.description,
    category: article.categoryName,
    tags: article.tags,
    headings: extractHeadings(article.body),
  };
}
