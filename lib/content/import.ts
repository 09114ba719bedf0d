// Loads the validated library into the database. Idempotent: an unchanged file does nothing, a
// changed file becomes a new published revision, and history is never rewritten. A translation
// (<source-slug>.<locale>.mdx) is the row with its source's id as translationOfId and its locale.
import type { Database } from "../db-client";
import { ContentValidationError, type Library, type LibraryArticle } from "./library";

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

  // One read tells which row each file is, which files changed, and whose slug is taken.
  const rows = await db.article.findMany({
    select: { id: true, slug: true, locale: true, translationOfId: true, publishedRevision: { select: { contentHash: true } } },
  });
  const bySlug = new Map(rows.map((row) => [row.slug, row] as const));
  const translations = new Map(rows.filter((row) => row.translationOfId).map((row) => [`${row.translationOfId}/${row.locale}`, row] as const));
  // A source is its slug; a translation is its source and language (its slug may change).
  const rowOf = (article: LibraryArticle) => {
    if (article.translationOf === null) return bySlug.get(article.slug);
    const source = bySlug.get(article.translationOf);
    return source ? translations.get(`${source.id}/${article.locale}`) : undefined;
  };

  // Slugs are unique across languages: refuse, before anything is written, a file whose slug another article has.
  const problems: string[] = [];
  for (const article of library.articles) {
    const holder = bySlug.get(article.slug);
    if (!holder) continue;
    if (article.translationOf === null && holder.translationOfId !== null) {
      problems.push(`${article.file}: slug "${article.slug}" is already used by a translation (${holder.locale}) in the help center`);
    } else if (article.translationOf !== null && holder.id !== rowOf(article)?.id) {
      problems.push(`${article.file}: slug "${article.slug}" is already used by another article in the help center`);
    }
  }
  if (problems.length > 0) throw new ContentValidationError(problems);

  await db.$transaction(
    library.categories.map(({ translations: names, ...category }, position) => {
      const translations = JSON.stringify(names ?? {});
      return db.category.upsert({
        where: { slug: category.slug },
        create: { ...category, translations, position },
        update: { name: category.name, description: category.description, translations, position },
      });
    }),
  );

  // Sources first: a new translation needs its source's id.
  const changed = library.articles
    .filter((article) => rowOf(article)?.publishedRevision?.contentHash !== article.contentHash)
    .sort((a, b) => Number(a.translationOf !== null) - Number(b.translationOf !== null));
  summary.unchanged = library.articles.length - changed.length;
  onProgress?.(0, changed.length);

  const sourceIds = new Map(rows.filter((row) => row.translationOfId === null).map((row) => [row.slug, row.id] as const));
  for (let start = 0; start < changed.length; start += BATCH_SIZE) {
    await db.$transaction(
      async (tx) => {
        for (const article of changed.slice(start, start + BATCH_SIZE)) {
          const id = rowOf(article)?.id;
          const translationOfId = article.translationOf === null ? null : sourceIds.get(article.translationOf);
          if (translationOfId === undefined) throw new Error(`${article.file}: its source "${article.translationOf}" is not stored`);
          const written = await writeRevision(tx, article, rowOf(article), author, translationOfId);
          if (article.translationOf === null) sourceIds.set(article.slug, written);
          (id ? summary.updated : summary.created).push(article.slug);
          onProgress?.(summary.created.length + summary.updated.length, changed.length);
        }
      },
      { timeout: 60_000 },
    );
  }
  return summary;
}

async function writeRevision(
  tx: Transaction,
  article: LibraryArticle,
  existing: { id: string; slug: string } | undefined,
  author: string,
  translationOfId: string | null,
) {
  const existingId = existing?.id;
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
  const id =
    existingId ??
    (await tx.article.create({ data: { slug: article.slug, locale: article.locale, translationOfId, ...snapshot, contentUpdatedAt }, select: { id: true } })).id;
  const revision = await tx.articleRevision.create({
    data: { articleId: id, ...snapshot, body: article.body, contentHash: article.contentHash, author },
    select: { id: true },
  });
  // A translation's slug is in its frontmatter, so a changed file may rename it: the old address
  // then redirects, as it does when staff rename an article.
  if (existing && existing.slug !== article.slug) {
    await tx.slugRedirect.deleteMany({ where: { fromSlug: article.slug } });
    await tx.slugRedirect.upsert({ where: { fromSlug: existing.slug }, create: { fromSlug: existing.slug, articleId: existing.id }, update: { articleId: existing.id } });
  }
  await tx.article.update({
    where: { id },
    data: { slug: article.slug, ...snapshot, status: "published", publishedRevisionId: revision.id, publishedAt: new Date(), contentUpdatedAt, deletedAt: null },
  });
  return id;
}

/** Hashes of the published revisions: content the importer need not check again. */
export async function publishedContentHashes(db: Database): Promise<Set<string>> {
  const rows = await db.articleRevision.findMany({ where: { publishedFor: { isNot: null } }, select: { contentHash: true } });
  return new Set(rows.map((row) => row.contentHash));
}
