// Loads the validated library into the database. Idempotent: an unchanged file does nothing, a
// changed file becomes a new published revision, and history is never rewritten.
import type { Database } from "../db-client";
import type { Library, LibraryArticle } from "./library";

export interface ImportSummary {
  created: string[];
  updated: string[];
  unchanged: number;
}

const IMPORT_AUTHOR = "content import";

/** Articles written per transaction: large enough to amortise commits, small enough to not hold the write lock long. */
const BATCH_SIZE = 200;

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export interface ImportOptions {
  /** Told after each changed article is written: a command line draws its progress bar from it. */
  onProgress?: (written: number, total: number) => void;
}

export async function importLibrary(db: Database, library: Library, author = IMPORT_AUTHOR, { onProgress }: ImportOptions = {}): Promise<ImportSummary> {
  const summary: ImportSummary = { created: [], updated: [], unchanged: 0 };

  await db.$transaction(
    library.categories.map((category, position) =>
      db.category.upsert({
        where: { slug: category.slug },
        create: { ...category, position },
        update: { name: category.name, description: category.description, position },
      }),
    ),
  );

  // One read tells which files changed; only those are written.
  const existing = new Map(
    (await db.article.findMany({ select: { id: true, slug: true, publishedRevision: { select: { contentHash: true } } } })).map(
      (row) => [row.slug, row] as const,
    ),
  );
  const changed = library.articles.filter((article) => existing.get(article.slug)?.publishedRevision?.contentHash !== article.contentHash);
  summary.unchanged = library.articles.length - changed.length;
  onProgress?.(0, changed.length);

  for (let start = 0; start < changed.length; start += BATCH_SIZE) {
    await db.$transaction(
      async (tx) => {
        for (const article of changed.slice(start, start + BATCH_SIZE)) {
          const id = existing.get(article.slug)?.id;
          await writeRevision(tx, article, id, author);
          (id ? summary.updated : summary.created).push(article.slug);
          onProgress?.(summary.created.length + summary.updated.length, changed.length);
        }
      },
      { timeout: 60_000 },
    );
  }
  return summary;
}

async function writeRevision(tx: Transaction, article: LibraryArticle, existingId: string | undefined, author: string) {
  const { frontmatter: fm } = article;
  const snapshot = {
    title: fm.title,
    description: fm.description,
    categorySlug: article.category,
    tags: JSON.stringify(fm.tags),
    related: JSON.stringify(fm.related),
    audience: fm.audience,
  };
  const contentUpdatedAt = new Date(`${fm.updated}T00:00:00Z`);
  const id = existingId ?? (await tx.article.create({ data: { slug: article.slug, ...snapshot, contentUpdatedAt }, select: { id: true } })).id;
  const revision = await tx.articleRevision.create({
    data: { articleId: id, ...snapshot, body: article.body, contentHash: article.contentHash, author },
    select: { id: true },
  });
  await tx.article.update({
    where: { id },
    data: { ...snapshot, status: "published", publishedRevisionId: revision.id, publishedAt: new Date(), contentUpdatedAt, deletedAt: null },
  });
}

/** Hashes of the published revisions: content the importer need not check again. */
export async function publishedContentHashes(db: Database): Promise<Set<string>> {
  const rows = await db.articleRevision.findMany({ where: { publishedFor: { isNot: null } }, select: { contentHash: true } });
  return new Set(rows.map((row) => row.contentHash));
}
