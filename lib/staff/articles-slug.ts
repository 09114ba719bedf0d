// Slugs from titles, shared by the server (new articles) and the editor (a never-published
// article's slug follows its title until someone edits it). No imports: safe in the browser.

/** "Set up DKIM (Gmail)" → "set-up-dkim-gmail". */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 70)
    .replace(/-+$/, "");
  return slug.length >= 2 ? slug : "article";
}
