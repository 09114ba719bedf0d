// Builds the customers' search index straight from the content library, as the server does from the
// database: internal articles (staff only) are left out, as customerVisible leaves them out there,
// and so are translations: this is the default language's index.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readLibrary } from "@/lib/content/library";
import { toSearchDocument } from "@/lib/search/documents";
import { SearchEngine } from "@/lib/search/engine";
import { buildSearchIndex } from "@/lib/search/index-data";

export const CONTENT_DIR = path.resolve(import.meta.dirname, "../../content");

export async function loadLibraryIndex() {
  const library = await readLibrary(CONTENT_DIR);
  const names = new Map(library.categories.map((c) => [c.slug, c.name]));
  const data = buildSearchIndex(
    library.articles
      .filter((a) => a.frontmatter.audience === "public" && a.translationOf === null)
      .map((a) =>
        toSearchDocument({
          slug: a.slug,
          title: a.frontmatter.title,
          description: a.frontmatter.description,
          categoryName: names.get(a.category)!,
          tags: a.frontmatter.tags,
          body: a.body,
        }),
      ),
  );
  return { library, data, engine: new SearchEngine(data) };
}

/** A small valid library of `count` articles in one category, written to `dir`: quick to import in a test. */
export function writeSmallLibrary(dir: string, count = 3): string {
  mkdirSync(path.join(dir, "articles", "email"), { recursive: true });
  writeFileSync(path.join(dir, "categories.json"), JSON.stringify([{ slug: "email", name: "Email", description: "Mailboxes, mail apps and webmail." }]));
  for (let i = 1; i <= count; i++) {
    const frontmatter = [
      `title: Mail question ${i}`,
      `description: What to do about mail question number ${i}, step by step.`,
      "tags: [email]",
      "updated: 2026-11-20",
    ];
    writeFileSync(
      path.join(dir, "articles", "email", `mail-question-${i}.mdx`),
      `---\n${frontmatter.join("\n")}\n---\n\nOpen **Mail** and check setting ${i}.\n`,
    );
  }
  return dir;
}
