// Reads and validates the MDX library kept in git (content/). Every problem is collected and
// reported with the file, the field or line, and how to fix it, so one run shows them all.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { compileMdx } from "../mdx/compile";
import { FrontmatterSyntaxError, splitFrontmatter } from "./frontmatter";
import { type CategoryInput, categoriesSchema, type Frontmatter, frontmatterSchema, SLUG_PATTERN } from "./schema";

export interface LibraryArticle {
  slug: string;
  category: string;
  frontmatter: Frontmatter;
  body: string;
  /** Path relative to the library root, for messages. */
  file: string;
  contentHash: string;
}

export interface Library {
  categories: CategoryInput[];
  articles: LibraryArticle[];
}

export class ContentValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The content library has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function hashArticleContent(category: string, frontmatter: Frontmatter, body: string): string {
  const canonical = JSON.stringify({ category, ...frontmatter, body: body.trim() });
  return createHash("sha256").update(canonical).digest("hex");
}

/** Validates one article file. Returns the article, or the problems found in it. */
export function parseArticleFile(
  file: string,
  source: string,
  categorySlugs: ReadonlySet<string>,
  trustedHashes: ReadonlySet<string> = new Set(),
): { article: LibraryArticle; problems: [] } | { article: null; problems: string[] } {
  const problems: string[] = [];
  const parts = file.split(/[\\/]/);
  const name = parts.at(-1) ?? "";
  const category = parts.at(-2) ?? "";
  const slug = name.replace(/\.mdx$/, "");

  if (parts.length < 2 || !name.endsWith(".mdx")) problems.push(`${file}: articles live at articles/<category>/<slug>.mdx`);
  if (!SLUG_PATTERN.test(slug)) problems.push(`${file}: the file name "${slug}" is not a valid slug (lowercase letters, digits, single hyphens)`);
  if (!categorySlugs.has(category)) {
    problems.push(`${file}: folder "${category}" is not a category in categories.json (${[...categorySlugs].join(", ")})`);
  }

  let split;
  try {
    split = splitFrontmatter(source);
  } catch (error) {
    if (error instanceof FrontmatterSyntaxError) return { article: null, problems: [...problems, `${file}: ${error.message}`] };
    throw error;
  }

  const parsed = frontmatterSchema.safeParse(split.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? issue.path.join(".") : "frontmatter";
      problems.push(`${file}: ${field}: ${issue.message}`);
    }
  }

  // Content already published with this exact hash passed this check when it was published.
  const contentHash = parsed.success ? hashArticleContent(category, parsed.data, split.body) : null;
  if (!contentHash || !trustedHashes.has(contentHash)) {
    const compiled = compileMdx(split.body, { lineOffset: split.bodyLine - 1 });
    for (const problem of compiled.problems) {
      problems.push(`${file}${problem.line ? `:${problem.line}` : ""}: ${problem.message}`);
    }
  }
  if (parsed.success && parsed.data.related.includes(slug)) problems.push(`${file}: related: an article cannot be related to itself`);

  if (problems.length > 0 || !parsed.success || !contentHash) return { article: null, problems };
  return {
    article: {
      slug,
      category,
      frontmatter: parsed.data,
      body: split.body.trim(),
      file,
      contentHash,
    },
    problems: [],
  };
}

/**
 * Reads and checks the library at `root`. `trustedHashes` are content hashes already published
 * (and so already checked): their MDX is not parsed again, which keeps re-imports fast.
 */
export async function readLibrary(root: string, { trustedHashes }: { trustedHashes?: ReadonlySet<string> } = {}): Promise<Library> {
  const problems: string[] = [];
  const categoriesFile = path.join(root, "categories.json");
  const categoriesResult = categoriesSchema.safeParse(JSON.parse(await readFile(categoriesFile, "utf8")));
  if (!categoriesResult.success) {
    throw new ContentValidationError(
      categoriesResult.error.issues.map((issue) => `categories.json: ${issue.path.join(".") || "list"}: ${issue.message}`),
    );
  }
  const categories = categoriesResult.data;
  const categorySlugs = new Set(categories.map((c) => c.slug));

  const files = (await readdir(path.join(root, "articles"), { recursive: true }))
    .filter((entry) => entry.endsWith(".mdx"))
    .sort();

  const articles: LibraryArticle[] = [];
  for (const relative of files) {
    const file = path.join("articles", relative);
    const result = parseArticleFile(file, await readFile(path.join(root, file), "utf8"), categorySlugs, trustedHashes);
    if (result.article) articles.push(result.article);
    problems.push(...result.problems);
  }

  problems.push(...crossCheck(articles));
  if (problems.length > 0) throw new ContentValidationError(problems);
  return { categories, articles };
}

/** Rules across files: unique slugs, related articles that exist. */
function crossCheck(articles: LibraryArticle[]): string[] {
  const problems: string[] = [];
  const bySlug = new Map<string, LibraryArticle>();
  for (const article of articles) {
    const other = bySlug.get(article.slug);
    if (other) problems.push(`${article.file}: slug "${article.slug}" is already used by ${other.file}`);
    bySlug.set(article.slug, article);
  }
  for (const article of articles) {
    for (const related of article.frontmatter.related) {
      if (!bySlug.has(related)) problems.push(`${article.file}: related: no article has the slug "${related}"`);
    }
  }
  return problems;
}
