// A published article as a Markdown document, for /articles/<slug>.md and llms-full.txt. The body
// is converted in the "site" worker (lib/mdx/to-markdown.ts, off the request thread, with a time
// limit) once per revision and public address, then kept, as rendered pages are (./rendered.ts).
import "server-only";
import { runTask, TaskTimeoutError } from "../workers/pool";
import { siteOrigin } from "../site-url";
import type { ArticleSummary } from "./reads";

export interface MarkdownSource extends ArticleSummary {
  revisionId: string;
  body: string;
  updatedAt: Date;
}

const MAX_REVISIONS = 1_000;
const converted = new Map<string, Promise<string>>();

/** The body as Markdown; published content passed the checker when it was published. */
function bodyMarkdown({ revisionId, body }: { revisionId: string; body: string }, origin: string): Promise<string> {
  const key = `${revisionId} ${origin}`;
  const cached = converted.get(key);
  if (cached) {
    converted.delete(key);
    converted.set(key, cached);
    return cached;
  }
  const convert = () => runTask("mdxToMarkdown", { source: body, origin }, { lane: "site" });
  // Published content converted in time when it was checked; running out of time now means a busy
  // machine, so it is given one more try before the request fails.
  const converting = convert()
    .catch((error: unknown) => (error instanceof TaskTimeoutError ? convert() : Promise.reject(error)))
    .then(({ markdown, problems }) => {
      if (!markdown && problems.length > 0) throw new Error(`Revision ${revisionId} could not be converted: ${problems[0]!.message}`);
      return markdown;
    });
  converting.catch(() => converted.delete(key));
  converted.set(key, converting);
  if (converted.size > MAX_REVISIONS) converted.delete(converted.keys().next().value!);
  return converting;
}

/** Markdown's link text and titles: characters that would start markup are escaped. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/[\\`*_[\]<]/g, "\\$&")
    .replace(/&(?=#?\w+;)/g, "\\&")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The whole document: the title as its only # heading, the description as a quote, where it
 * lives and when it last changed, then the body.
 */
export async function articleMarkdown(article: MarkdownSource, origin: string = siteOrigin()): Promise<string> {
  const body = await bodyMarkdown(article, origin);
  const url = new URL(`/articles/${article.slug}`, origin).href;
  return [
    `# ${escapeMarkdownText(article.title)}`,
    "",
    `> ${escapeMarkdownText(article.description)}`,
    "",
    `${escapeMarkdownText(article.categoryName)} · updated ${article.updatedAt.toISOString().slice(0, 10)} · ${url}`,
    "",
    body,
  ].join("\n");
}
