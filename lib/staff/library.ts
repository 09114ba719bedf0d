// The MDX library from the staff area: download it as a zip of exactly the files
// `npm run content:export` writes, and upload files checked by exactly the rules of
// `npm run content:import`. An upload with any problem writes nothing.
import { packZip, LibraryUploadError, type UploadedFile } from "../content/archive";
import { exportLibraryFiles } from "../content/export";
import { importLibrary, publishedContentHashes } from "../content/import";
import { ContentValidationError, readLibraryFiles } from "../content/library";
import type { CategoryInput } from "../content/schema";
import { DEFAULT_LOCALE } from "../i18n/locales";
import { authorize, type StaffContext } from "../auth/roles";
import { compileMdxInWorker } from "../mdx/compile-in-worker";
import { runTask } from "../workers/pool";

/** Unpacking is bounded by UPLOAD_LIMITS; this only stops a worker that still runs long. */
const UNPACK_TIMEOUT_MS = 10_000;

export interface LibraryExport {
  filename: string;
  bytes: Uint8Array;
  articles: number;
}

export async function exportLibraryZip(ctx: StaffContext, now = new Date()): Promise<LibraryExport> {
  authorize(ctx.actor, "editor");
  const files = await exportLibraryFiles(ctx.db);
  return { filename: `help-center-library-${now.toISOString().slice(0, 10)}.zip`, bytes: packZip(files, now), articles: files.size - 1 };
}

export interface ImportedArticle {
  slug: string;
  title: string;
  categorySlug: string;
}

export interface LibraryImportResult {
  created: ImportedArticle[];
  updated: ImportedArticle[];
  unchanged: ImportedArticle[];
  /** Categories whose customer pages may show something new. */
  categorySlugs: string[];
  /** An article customers could read is internal now: every customer page may have listed it. */
  leftCustomers: boolean;
}

export interface LibraryUpload {
  files: UploadedFile[];
  /** For loose .mdx files: the category to file them under; empty keeps each article's current one. */
  category?: string | null;
}

export async function importLibraryUpload(ctx: StaffContext, upload: LibraryUpload): Promise<LibraryImportResult> {
  const actor = authorize(ctx.actor, "editor");
  // Off the request thread, with a time limit: inflating is bounded, but still costs CPU.
  const unpacked = await runTask("unpackUpload", { uploads: upload.files }, { lane: "staff", timeoutMs: UNPACK_TIMEOUT_MS });
  const { db } = ctx;

  const [categoryRows, published] = await Promise.all([
    db.category.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true, description: true, translations: true } }),
    db.article.findMany({ where: { status: "published", deletedAt: null }, select: { slug: true, categorySlug: true, audience: true, translationOfId: true } }),
  ]);
  // Stored as the import wrote them; kept as they are when the upload holds no categories.json.
  const dbCategories: CategoryInput[] = categoryRows.map(({ translations, ...category }) => {
    const names = storedCategoryTranslations(translations);
    return Object.keys(names).length > 0 ? { ...category, translations: names } : category;
  });
  const currentCategory = new Map(published.map((a) => [a.slug, a.categorySlug]));
  const allArticles = new Map((await db.article.findMany({ select: { slug: true, categorySlug: true } })).map((a) => [a.slug, a.categorySlug]));

  const category = upload.category?.trim() || null;
  const problems: string[] = [];
  if (category && !dbCategories.some((c) => c.slug === category)) problems.push(`category: there is no category "${category}"`);

  // Loose files carry no folder: they keep the category their article has, or take the one chosen.
  const files = new Map<string, string>();
  for (const file of unpacked) {
    if ("path" in file) {
      files.set(file.path, file.text);
      continue;
    }
    // A translation (<source-slug>.<locale>.mdx) goes beside its source.
    const folder = category ?? allArticles.get(file.slug.split(".")[0]!);
    if (!folder) problems.push(`${file.loose}: is a new article; choose its category, or upload it in a zip as articles/<category>/${file.loose}`);
    else files.set(`articles/${folder}/${file.slug}.mdx`, file.text);
  }
  if (problems.length > 0) throw new LibraryUploadError(422, "The upload has problems; nothing was imported.", problems);
  if (![...files.keys()].some((path) => path.endsWith(".mdx"))) {
    throw new LibraryUploadError(422, "The upload holds no articles (.mdx files); nothing was imported.");
  }

  const sources = published.filter((a) => a.translationOfId === null);
  let library;
  try {
    const uploadedSlugs = new Set(
      [...files.keys()].map((path) =>
        path
          .split("/")
          .at(-1)!
          .replace(/\.mdx$/, ""),
      ),
    );
    library = await readLibraryFiles(files, {
      checkMdx: async (body, lineOffset) => (await compileMdxInWorker(body, { lane: "staff", lineOffset })).problems,
      trustedHashes: await publishedContentHashes(db),
      categories: dbCategories,
      // Related articles (sources) may be in the upload or already published (and not replaced by this upload).
      existingSlugs: new Set(sources.map((a) => a.slug).filter((slug) => !uploadedSlugs.has(slug))),
      // A translation's source may be in the upload or already published.
      existingSources: new Map(sources.map((a) => [a.slug, { category: a.categorySlug, audience: a.audience }] as const)),
    });
  } catch (error) {
    if (error instanceof ContentValidationError)
      throw new LibraryUploadError(422, `The upload has ${error.problems.length} problem(s); nothing was imported.`, error.problems);
    throw error;
  }
  // An uploaded categories.json may add categories; it never removes one articles still use.
  if (files.has("categories.json")) {
    const listed = new Set(library.categories.map((c) => c.slug));
    const missing = dbCategories.filter((c) => !listed.has(c.slug));
    library = { ...library, categories: [...library.categories, ...missing] };
  }

  // The import refuses, before writing anything, a slug another stored article already has.
  const summary = await importLibrary(db, library, actor.name).catch((error: unknown) => {
    if (error instanceof ContentValidationError)
      throw new LibraryUploadError(422, `The upload has ${error.problems.length} problem(s); nothing was imported.`, error.problems);
    throw error;
  });
  const describe = (slug: string): ImportedArticle => {
    const article = library.articles.find((a) => a.slug === slug)!;
    return { slug, title: article.frontmatter.title, categorySlug: article.category };
  };
  const changed = new Set([...summary.created, ...summary.updated]);
  const wasPublic = new Set(published.filter((a) => a.audience === "public").map((a) => a.slug));
  const created = summary.created.map(describe);
  const updated = summary.updated.map(describe);
  const moved = updated.filter((a) => currentCategory.has(a.slug) && currentCategory.get(a.slug) !== a.categorySlug).map((a) => currentCategory.get(a.slug)!);
  return {
    created,
    updated,
    unchanged: library.articles.filter((a) => !changed.has(a.slug)).map((a) => describe(a.slug)),
    categorySlugs: [
      ...new Set([...created, ...updated].map((a) => a.categorySlug).concat(moved, files.has("categories.json") ? library.categories.map((c) => c.slug) : [])),
    ],
    leftCustomers: library.articles.some((a) => changed.has(a.slug) && wasPublic.has(a.slug) && a.frontmatter.audience !== "public"),
  };
}

/** A category's stored translations ({"de": {"name", "description"}}), or none when unreadable. */
function storedCategoryTranslations(stored: string): NonNullable<CategoryInput["translations"]> {
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, { name: string; description: string }] =>
          typeof entry[1] === "object" && entry[1] !== null && typeof entry[1].name === "string" && typeof entry[1].description === "string",
      ),
    );
  } catch {
    return {};
  }
}

/** What the library page shows next to the upload form: the categories loose files may be filed under. */
export async function listLibraryCategories(ctx: StaffContext) {
  authorize(ctx.actor, "editor");
  const [categories, counts] = await Promise.all([
    ctx.db.category.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true } }),
    ctx.db.article.groupBy({ by: ["categorySlug", "locale"], where: { status: "published", deletedAt: null }, _count: { _all: true } }),
  ]);
  // Articles are counted in the default language; their translations apart.
  const count = (slug: string, translations: boolean) =>
    counts.filter((row) => row.categorySlug === slug && (row.locale !== DEFAULT_LOCALE) === translations).reduce((sum, row) => sum + row._count._all, 0);
  return categories.map((category) => ({ ...category, published: count(category.slug, false), translations: count(category.slug, true) }));
}
