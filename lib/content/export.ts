// Writes the published library back to MDX files, the reverse of lib/content/import.ts. The files
// are built in memory once (exportLibraryFiles); the command line writes them to a folder and the
// staff area packs them into a zip, so both hold exactly the same files.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Database } from "../db-client";
import { parseAudience } from "../articles/visibility";
import { joinFrontmatter } from "./frontmatter";

const list = z.array(z.string());
const categoryTranslations = z.record(z.string(), z.object({ name: z.string(), description: z.string() }));

/** A category as categories.json holds it: `translations` only when it has some. */
function categoryEntry(row: { slug: string; name: string; description: string; translations: string }) {
  const { slug, name, description } = row;
  let translations: z.infer<typeof categoryTranslations> = {};
  try {
    translations = categoryTranslations.parse(JSON.parse(row.translations));
  } catch {
    // Unreadable stored translations are left out rather than exported broken.
  }
  const entries = Object.entries(translations).map(([locale, text]) => [locale, { name: text.name, description: text.description }] as const);
  return { slug, name, description, ...(entries.length > 0 ? { translations: Object.fromEntries(entries) } : {}) };
}

/**
 * The library as path → text: "categories.json" and "articles/<category>/<slug>.mdx" for each
 * published article, internal ones too (with `audience: internal`): it is staff who export it.
 * A published translation is "articles/<category>/<source-slug>.<locale>.mdx" beside its source,
 * in its source's category; one whose source is not exported is left out, as it could not be
 * imported without it.
 */
export async function exportLibraryFiles(db: Database): Promise<Map<string, string>> {
  const [categories, articles] = await Promise.all([
    db.category.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true, description: true, translations: true } }),
    db.article.findMany({
      where: { status: "published", deletedAt: null },
      select: { id: true, slug: true, locale: true, translationOfId: true, contentUpdatedAt: true, publishedRevision: true },
      orderBy: { slug: "asc" },
    }),
  ]);

  const files = new Map<string, string>([["categories.json", `${JSON.stringify(categories.map(categoryEntry), null, 2)}\n`]]);
  const sources = new Map<string, { slug: string; categorySlug: string }>();
  // Sources before translations, so each translation can be filed beside its source.
  const ordered = [...articles.filter((a) => a.translationOfId === null), ...articles.filter((a) => a.translationOfId !== null)];
  for (const article of ordered) {
    const revision = article.publishedRevision;
    if (!revision) continue;
    const source = article.translationOfId === null ? null : sources.get(article.translationOfId);
    if (source === undefined) continue;
    const text = joinFrontmatter(
      {
        title: revision.title,
        description: revision.description,
        tags: list.parse(JSON.parse(revision.tags)),
        updated: article.contentUpdatedAt.toISOString().slice(0, 10),
        related: list.parse(JSON.parse(revision.related)),
        audience: parseAudience(revision.audience),
      },
      revision.body,
      source ? article.slug : undefined,
    );
    if (source) files.set(`articles/${source.categorySlug}/${source.slug}.${article.locale}.mdx`, text);
    else {
      files.set(`articles/${revision.categorySlug}/${article.slug}.mdx`, text);
      sources.set(article.id, { slug: article.slug, categorySlug: revision.categorySlug });
    }
  }
  return files;
}

/**
 * Writes the library to `root`; returns the article files written, relative to it. `onProgress` is
 * told after each file (a command line draws its progress bar from it).
 */
export async function exportLibrary(db: Database, root: string, { onProgress }: { onProgress?: (written: number, total: number) => void } = {}): Promise<string[]> {
  const files = await exportLibraryFiles(db);
  const written: string[] = [];
  await mkdir(root, { recursive: true });
  let done = 0;
  for (const [file, text] of files) {
    await mkdir(path.join(root, path.dirname(file)), { recursive: true });
    await writeFile(path.join(root, file), text);
    if (file !== "categories.json") written.push(path.join(...file.split("/")));
    onProgress?.(++done, files.size);
  }
  return written;
}
