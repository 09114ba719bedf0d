// /llms.txt and /llms-full.txt, in the llms.txt format (llmstxt.org): the site's name as the one
// # heading, a one-line summary as a quote, a paragraph on how to read the library, then one ##
// section per category listing its articles as links to their Markdown copies with their
// descriptions. llms-full.txt is every article's Markdown in the same order.
import { escapeMarkdownText } from "../articles/markdown";
import { siteConfig } from "../site-config";
import type { LibrarySnapshot } from "./library";

export function buildLlmsTxt(library: Pick<LibrarySnapshot, "categories">, origin: string): string {
  const abs = (path: string) => new URL(path, origin).href;
  const sections = library.categories.map((category) =>
    [
      `## ${escapeMarkdownText(category.name)}`,
      "",
      ...category.articles.map(
        (article) => `- [${escapeMarkdownText(article.title)}](${abs(`/articles/${article.slug}.md`)}): ${escapeMarkdownText(article.description)}`,
      ),
    ].join("\n"),
  );
  return [
    `# ${escapeMarkdownText(siteConfig.name)}`,
    "",
    `> ${escapeMarkdownText(siteConfig.description)}`,
    "",
    `The help center of ${escapeMarkdownText(siteConfig.company)}. Every article below is a Markdown document; its web page is the same address without \`.md\`. All articles in one file: ${abs("/llms-full.txt")}. Search: ${abs("/search")}?q=your+question. A person answers at ${abs("/contact")} (${escapeMarkdownText(siteConfig.support.hours)}).`,
    "",
    ...sections.flatMap((section) => [section, ""]),
  ].join("\n");
}

/** llms-full.txt: the heading and summary of llms.txt, then each article's Markdown (its title its own # heading), separated by rules. */
export function buildLlmsFullTxt(documents: string[]): string {
  const head = [`# ${escapeMarkdownText(siteConfig.name)}`, "", `> ${escapeMarkdownText(siteConfig.description)}`].join("\n");
  return [head, ...documents.map((markdown) => markdown.trimEnd())].join("\n\n---\n\n") + "\n";
}
