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

/**
 * The library as path → text: "categories.json" and "articles/<category>/<slug>.mdx" for each
 * published article, internal ones too (with `audience: internal`): it is staff who export it.
 */
export async function exportLibraryFiles(db: Database): Promise<Map<string, string>> {
  const [categories, articles] = await Promise.all([
    db.category.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true, description: true } }),
    db.article.findMany({
      where: { status: "published", deletedAt: null },
      select: { slug: true, contentUpdatedAt: true, publishedRevision: true },
      orderBy: { slug: "asc" },
    }),
  ]);

  const files = new Map<string, string>([["categories.json", `${JSON.stringify(categories, null, 2)}\n`]]);
  for (const article of articles) {
    const revision = article.publishedRevision;
    if (!revision) continue;
    const source = joinFrontmatter(
      {
        title: revision.title,
        description: revision.description,
        tags: list.parse(JSON.parse(revision.tags)),
        updated: article.contentUpdatedAt.toISOString().slice(0, 10),
        related: list.parse(JSON.parse(revision.related)),
        audience: parseAudience(revision.audience),
      },
      revision.body,
    );
    files.set(`articles/${revision.categorySlug}/${article.slug}.mdx`, source);
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
