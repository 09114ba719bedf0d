// /llms-full.txt: every published article's Markdown (lib/articles/markdown.ts), in the order of
// llms.txt (categories as on the home page, articles by title), kept until the content changes.
import "server-only";
import { articleMarkdown } from "../articles/markdown";
import { listPublishedArticles } from "../articles/reads";
import { siteContext } from "../context";
import { siteOrigin } from "../site-url";
import { getLibrarySnapshot } from "./library";
import { buildLlmsFullTxt } from "./llms";

let cached: { key: string; text: Promise<string> } | null = null;

export async function getFullLibraryMarkdown(origin: string = siteOrigin()): Promise<string> {
  const library = await getLibrarySnapshot();
  const key = `${library.version} ${origin}`;
  if (cached?.key !== key) {
    const text = build(
      library.categories.flatMap((category) => category.articles.map((article) => article.id)),
      origin,
    );
    cached = { key, text };
    text.catch(() => {
      if (cached?.text === text) cached = null;
    });
  }
  return cached.text;
}

async function build(order: string[], origin: string): Promise<string> {
  const articles = new Map((await listPublishedArticles(siteContext(), { withBody: true })).map((article) => [article.id, article]));
  const documents: string[] = [];
  // One at a time: the conversions queue in the site worker behind customers' pages, not ahead of them.
  for (const id of order) {
    const article = articles.get(id);
    if (article) documents.push(await articleMarkdown(article, origin));
  }
  return buildLlmsFullTxt(documents);
}
