// Reads and validates the MDX library kept in git (content/). Every problem is collected and
// reported with the file, the field or line, and how to fix it, so one run shows them all.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { compileMdx, type MdxProblem } from "../mdx/compile";
import { FrontmatterSyntaxError, splitFrontmatter } from "./frontmatter";
import { SLUG_PATTERN } from "../articles/slugs";
import { internalRelatedMessage } from "../articles/visibility";
import { DEFAULT_LOCALE, type Locale, TRANSLATION_LOCALES } from "../i18n/locales";
import { type CategoryInput, categoriesSchema, type Frontmatter, frontmatterSchema, translationFrontmatterSchema } from "./schema";

export interface LibraryArticle {
  /** Its own slug: the file name for a source, the frontmatter's `slug` for a translation. */
  slug: string;
  category: string;
  /** The language it is written in: DEFAULT_LOCALE for a source, the file name's suffix for a translation. */
  locale: Locale;
  /** For a translation (<source-slug>.<locale>.mdx), the slug of the source beside it; null for a source. */
  translationOf: string | null;
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

/** What makes a translation one beyond its content: its own slug, its language and its source. */
export interface TranslationIdentity {
  slug: string;
  locale: Locale;
  translationOf: string;
}

export function hashArticleContent(category: string, frontmatter: Frontmatter, body: string, translation?: TranslationIdentity): string {
  // A public article hashes as it did before audiences existed, so its stored revisions still match;
  // a source hashes as it did before translations existed.
  // The fields in one fixed order (the files'), however the caller built the object: the editor's
  // publishing and the import hash the same content alike.
  const { title, description, tags, updated, related, audience } = frontmatter;
  const canonical = JSON.stringify({
    category,
    title,
    description,
    tags,
    updated,
    related,
    ...(audience === "internal" ? { audience } : {}),
    ...(translation ? { slug: translation.slug, locale: translation.locale, translationOf: translation.translationOf } : {}),
    body: body.trim(),
  });
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * How an article body's MDX is checked: in this thread by default (command-line jobs, tests), or in
 * a worker with a time limit when the server checks an upload (lib/staff/library.ts).
 */
export type CheckMdx = (body: string, lineOffset: number) => Promise<MdxProblem[]>;

const checkMdxHere: CheckMdx = async (body, lineOffset) => compileMdx(body, { lineOffset }).problems;

/** Validates one article file. Returns the article, or the problems found in it. */
export async function parseArticleFile(
  file: string,
  source: string,
  categorySlugs: ReadonlySet<string>,
  trustedHashes: ReadonlySet<string> = new Set(),
  checkMdx: CheckMdx = checkMdxHere,
): Promise<{ article: LibraryArticle; problems: [] } | { article: null; problems: string[] }> {
  const problems: string[] = [];
  const parts = file.split(/[\\/]/);
  const name = parts.at(-1) ?? "";
  const category = parts.at(-2) ?? "";
  // "<slug>.mdx" is a source; "<source-slug>.<locale>.mdx" is its translation into that language.
  const [fileSlug = "", suffix, ...extra] = name.replace(/\.mdx$/, "").split(".");
  const locale = suffix ?? DEFAULT_LOCALE;
  const isTranslation = suffix !== undefined;

  if (parts.length < 2 || !name.endsWith(".mdx")) problems.push(`${file}: articles live at articles/<category>/<slug>.mdx`);
  if (!SLUG_PATTERN.test(fileSlug)) problems.push(`${file}: the file name "${fileSlug}" is not a valid slug (lowercase letters, digits, single hyphens)`);
  if (extra.length > 0) problems.push(`${file}: a file name holds one language at most: <slug>.mdx, or <source-slug>.<language>.mdx for a translation`);
  else if (isTranslation && !TRANSLATION_LOCALES.includes(locale)) {
    problems.push(
      locale === DEFAULT_LOCALE
        ? `${file}: "${locale}" is the default language, so the file is not a translation; the ${locale} article is ${fileSlug}.mdx itself`
        : `${file}: "${locale}" is not a language of the help center; a translation is named <source-slug>.<language>.mdx with a language from: ${TRANSLATION_LOCALES.join(", ") || "none configured"}`,
    );
  }
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

  const parsed = (isTranslation ? translationFrontmatterSchema : frontmatterSchema).safeParse(split.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? issue.path.join(".") : "frontmatter";
      const hint = !isTranslation && issue.code === "unrecognized_keys" && issue.keys.includes("slug") ? " (only a translation names its slug; a source's slug is its file name)" : "";
      problems.push(`${file}: ${field}: ${issue.message}${hint}`);
    }
  }
  const { slug: ownSlug, ...frontmatter } = parsed.success ? (parsed.data as Frontmatter & { slug?: string }) : { slug: undefined };
  const slug = ownSlug ?? fileSlug;
  const translation = isTranslation ? { slug, locale, translationOf: fileSlug } : undefined;

  // Content already published with this exact hash passed this check when it was published.
  const contentHash = parsed.success ? hashArticleContent(category, frontmatter as Frontmatter, split.body, translation) : null;
  if (!contentHash || !trustedHashes.has(contentHash)) {
    for (const problem of await checkMdx(split.body, split.bodyLine - 1)) {
      problems.push(`${file}${problem.line ? `:${problem.line}` : ""}: ${problem.message}`);
    }
  }
  if (parsed.success && parsed.data.related.includes(fileSlug)) problems.push(`${file}: related: an article cannot be related to itself`);
  if (isTranslation && ownSlug === fileSlug) {
    problems.push(`${file}: slug: "${ownSlug}" is the slug of the source it translates; give the translation its own, e.g. ${fileSlug}-${locale}`);
  }

  if (problems.length > 0 || !parsed.success || !contentHash) return { article: null, problems };
  return {
    article: {
      slug,
      category,
      locale,
      translationOf: isTranslation ? fileSlug : null,
      frontmatter: frontmatter as Frontmatter,
      body: split.body.trim(),
      file,
      contentHash,
    },
    problems: [],
  };
}

export interface ReadLibraryOptions {
  /**
   * Content hashes already published (and so already checked): their MDX is not parsed again,
   * which keeps re-imports fast.
   */
  trustedHashes?: ReadonlySet<string>;
  /** Where MDX is checked; in this thread unless given. */
  checkMdx?: CheckMdx;
  /** Told after each article file is checked: a command line draws its progress bar from it. */
  onProgress?: (checked: number, total: number) => void;
}

export interface ReadLibraryFilesOptions extends ReadLibraryOptions {
  /** The categories to file articles under when the files hold no categories.json (a partial upload). */
  categories?: CategoryInput[];
  /** Slugs of articles published outside these files, which `related` may name too (a partial upload). */
  existingSlugs?: ReadonlySet<string>;
  /**
   * Sources published outside these files, by slug, which a translation in them may translate
   * (a partial upload): a translation's source must be beside it, in the files or already stored.
   */
  existingSources?: ReadonlyMap<string, { category: string; audience: string }>;
}

/**
 * Reads and checks the library at `root`: categories.json and articles/<category>/<slug>.mdx.
 * The files are read into memory and checked by readLibraryFiles, the one set of rules.
 */
export async function readLibrary(root: string, options: ReadLibraryOptions = {}): Promise<Library> {
  const files = new Map<string, string>([["categories.json", await readFile(path.join(root, "categories.json"), "utf8")]]);
  const articles = (await readdir(path.join(root, "articles"), { recursive: true })).filter((entry) => entry.endsWith(".mdx"));
  for (const relative of articles) {
    const file = path.posix.join("articles", relative.split(path.sep).join("/"));
    files.set(file, await readFile(path.join(root, file), "utf8"));
  }
  return readLibraryFiles(files, options);
}

/**
 * Checks a library held in memory as path → text, with the paths of the folder layout
 * ("categories.json", "articles/<category>/<slug>.mdx"). Other paths are ignored. Used by the
 * command line (through readLibrary) and by uploads in the staff area alike.
 */
export async function readLibraryFiles(files: ReadonlyMap<string, string>, options: ReadLibraryFilesOptions = {}): Promise<Library> {
  const categories = readCategories(files.get("categories.json"), options.categories);
  const categorySlugs = new Set(categories.map((c) => c.slug));

  const problems: string[] = [];
  const articles: LibraryArticle[] = [];
  const paths = [...files.keys()].filter((file) => file.startsWith("articles/") && file.endsWith(".mdx")).sort();
  for (const [index, file] of paths.entries()) {
    const result = await parseArticleFile(file, files.get(file) ?? "", categorySlugs, options.trustedHashes, options.checkMdx);
    if (result.article) articles.push(result.article);
    problems.push(...result.problems);
    options.onProgress?.(index + 1, paths.length);
  }

  problems.push(...crossCheck(articles, new Set(paths), options.existingSlugs, options.existingSources));
  if (problems.length > 0) throw new ContentValidationError(problems);
  return { categories, articles };
}

function readCategories(source: string | undefined, fallback: CategoryInput[] | undefined): CategoryInput[] {
  if (source === undefined) {
    if (fallback) return fallback;
    throw new ContentValidationError(["categories.json: is missing; the library needs its list of categories"]);
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new ContentValidationError([`categories.json: is not valid JSON (${error instanceof Error ? error.message : "unreadable"})`]);
  }
  const result = categoriesSchema.safeParse(data);
  if (!result.success) {
    throw new ContentValidationError(result.error.issues.map((issue) => `categories.json: ${issue.path.join(".") || "list"}: ${issue.message}`));
  }
  return result.data;
}

/**
 * Rules across files: unique slugs (translations' too), a translation's source beside it with the
 * same audience, related articles that exist as sources (in these files or, for an upload, already
 * published), and no internal article among a public one's related articles.
 */
function crossCheck(
  articles: LibraryArticle[],
  /** Every article file, read or refused: a source refused for its own problems is not reported missing too. */
  present: ReadonlySet<string>,
  existingSlugs: ReadonlySet<string> = new Set(),
  existingSources: ReadonlyMap<string, { category: string; audience: string }> = new Map(),
): string[] {
  const problems: string[] = [];
  const bySlug = new Map<string, LibraryArticle>();
  for (const article of articles) {
    const other = bySlug.get(article.slug);
    if (other) problems.push(`${article.file}: slug "${article.slug}" is already used by ${other.file}`);
    bySlug.set(article.slug, article);
  }
  const sources = new Map(articles.filter((a) => a.translationOf === null).map((a) => [a.slug, a] as const));
  for (const article of articles) {
    if (article.translationOf !== null) {
      const sourceFile = `articles/${article.category}/${article.translationOf}.mdx`;
      const source = sources.get(article.translationOf) ?? existingSources.get(article.translationOf);
      const sourceCategory = source?.category;
      const sourceAudience = source && ("frontmatter" in source ? source.frontmatter.audience : source.audience);
      if (!source || sourceCategory !== article.category) {
        if (!present.has(sourceFile) || source)
          problems.push(`${article.file}: translates "${article.translationOf}", but there is no ${sourceFile}; a translation lives beside its source`);
      } else if (sourceAudience !== article.frontmatter.audience) {
        problems.push(
          `${article.file}: audience: a translation has its source's audience, and ${sourceFile} is ${sourceAudience}; ` +
            (sourceAudience === "internal" ? "add the line `audience: internal`" : "remove the audience line"),
        );
      }
    }
    for (const related of article.frontmatter.related) {
      const target = sources.get(related);
      const translation = target || existingSlugs.has(related) ? undefined : bySlug.get(related);
      if (translation?.translationOf) {
        problems.push(`${article.file}: related: "${related}" is a translation; related articles are named by their source's slug, here "${translation.translationOf}"`);
      } else if (!target && !existingSlugs.has(related)) problems.push(`${article.file}: related: no article has the slug "${related}"`);
      else if (target?.frontmatter.audience === "internal" && article.frontmatter.audience === "public") {
        problems.push(`${article.file}: related: ${internalRelatedMessage(related)}`);
      }
    }
  }
  return problems;
}
