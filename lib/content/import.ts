// Loads the validated library into the database. Idempotent: an unchanged file does nothing, a
// changed file becomes a new published revision, and history is never rewritten.
import type { Database } from "../db-client";
import type { Library, LibraryArticle } from "./library";

export interface ImportSummary {
  created: string[];
  updated: string[];
  unchanged: number;
}

export const IMPORT_AUTHOR = "content import";

export async function importLibrary(db: Database, library: Library, author = IMPORT_AUTHOR): Promise<ImportSummary> {
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

  for (const article of library.articles) {
    const outcome = await importArticle(db, article, author);
    if (outcome === "created") summary.created.push(article.slug);
    else if (outcome === "updated") summary.updated.push(article.slug);
    else summary.unchanged += 1;
  }
  return summary;
}

async function importArticle(db: Database, article: LibraryArticle, author: string) {
  const { frontmatter: fm } = article;
  const existing = await db.article.findUnique({
    where: { slug: article.slug },
    select: { id: true, publishedRevision: { select: { contentHash: true } } },
  });
  if (existing?.publishedRevision?.contentHash === article.contentHash) return "unchanged" as const;

  const snapshot = {
    title: fm.title,
    description: fm.description,
    categorySlug: article.category,
    tags: JSON.stringify(fm.tags),
    related: JSON.stringify(fm.related),
  };
  const contentUpdatedAt = new Date(`${fm.updated}T00:00:00Z`);

  await db.$transaction(async (tx) => {
    const row =
      existing ??
      (await tx.article.create({
        data: { slug: article.slug, ...snapshot, contentUpdatedAt },
        select: { id: true },
      }));
    const revision = await tx.articleRevision.create({
      data: { articleId: row.id, ...snapshot, body: article.body, contentHash: article.contentHash, author },
      select: { id: true },
    });
    await tx.article.update({
      where: { id: row.id },
      data: {
        ...snapshot,
        status: "published",
        publishedRevisionId: revision.id,
        publishedAt: new Date(),
        contentUpdatedAt,
        deletedAt: null,
      },
    });
  });
  return existing ? ("updated" as const) : ("created" as const);
}
