// Writes the published library back to MDX files, the reverse of lib/content/import.ts.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Database } from "../db-client";
import { joinFrontmatter } from "./frontmatter";

const list = z.array(z.string());

export async function exportLibrary(db: Database, root: string): Promise<string[]> {
  const [categories, articles] = await Promise.all([
    db.category.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true, description: true } }),
    db.article.findMany({
      where: { status: "published", deletedAt: null },
      select: { slug: true, contentUpdatedAt: true, publishedRevision: true },
      orderBy: { slug: "asc" },
    }),
  ]);

  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, "categories.json"), `${JSON.stringify(categories, null, 2)}\n`);

  const written: string[] = [];
  for (const article of articles) {
    const revision = article.publishedRevision;
    if (!revision) continue;
    const file = path.join("articles", revision.categorySlug, `${article.slug}.mdx`);
    const source = joinFrontmatter(
      {
        title: revision.title,
        description: revision.description,
        tags: list.parse(JSON.parse(revision.tags)),
        updated: article.contentUpdatedAt.toISOString().slice(0, 10),
        related: list.parse(JSON.parse(revision.related)),
      },
      revision.body,
    );
    await mkdir(path.join(root, path.dirname(file)), { recursive: true });
    await writeFile(path.join(root, file), source);
    written.push(file);
  }
  return written;
}
