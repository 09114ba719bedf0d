// Taking an article away from customers and bringing it back: unpublish (back to draft),
// archive, delete (soft: the row and its history stay, and restore undoes it). Whenever what
// customers see changes, their cached pages and the search index are refreshed.
import { parseOrThrow } from "../http";
import { HttpError } from "../http-error";
import { authorize, type StaffContext } from "../auth/roles";
import { revalidateCustomerPages } from "./revalidate";
import { otherLanguageSlugs } from "./slugs";
import { articleRefSchema } from "./schema";
import { isCustomerVisible } from "./visibility";

type Change = { status?: "draft" | "archived"; deletedAt?: Date | null };

async function changeArticle(
  ctx: StaffContext,
  input: { articleId: string },
  change: Change,
  allowed: (row: { status: string; deletedAt: Date | null }) => string | null,
) {
  authorize(ctx.actor, "editor");
  const { articleId } = parseOrThrow(articleRefSchema, input);
  const before = await ctx.db.article.findUnique({
    where: { id: articleId },
    select: { slug: true, status: true, deletedAt: true, categorySlug: true, publishedRevisionId: true, audience: true },
  });
  if (!before) throw new HttpError(404, "There is no such article.");
  const refusal = allowed(before);
  if (refusal) throw new HttpError(409, refusal);
  const after = await ctx.db.article.update({
    where: { id: articleId },
    data: change,
    select: { status: true, deletedAt: true, publishedRevisionId: true, audience: true },
  });
  // Published or not matters to staff too (their search holds internal articles); customers'
  // pages are only touched when what they may read changed, which purges them anyway.
  const published = (row: { status: string; deletedAt: Date | null }) => row.status === "published" && row.deletedAt === null;
  if (published(before) !== published(after)) {
    const oldSlugs = await ctx.db.slugRedirect.findMany({ where: { articleId }, select: { fromSlug: true } });
    revalidateCustomerPages({
      slugs: [before.slug, ...oldSlugs.map((r) => r.fromSlug), ...(await otherLanguageSlugs(ctx.db, articleId))],
      categorySlugs: [before.categorySlug],
      leftCustomers: isCustomerVisible(before) && !isCustomerVisible(after),
    });
  }
  return { status: after.status, deleted: after.deletedAt !== null };
}

/** Hidden from customers, kept as a draft to work on; its history and ratings stay. */
export function unpublishArticle(ctx: StaffContext, input: { articleId: string }) {
  return changeArticle(ctx, input, { status: "draft" }, (row) =>
    row.deletedAt ? "This article is deleted; restore it first." : row.status !== "published" ? "This article is not published." : null,
  );
}

/** Out of date and hidden from customers, but kept for reference. */
export function archiveArticle(ctx: StaffContext, input: { articleId: string }) {
  return changeArticle(ctx, input, { status: "archived" }, (row) =>
    row.deletedAt ? "This article is deleted; restore it first." : row.status === "archived" ? "This article is already archived." : null,
  );
}

/** Soft delete: listed under "Deleted" and recoverable with restoreDeletedArticle. */
export function deleteArticle(ctx: StaffContext, input: { articleId: string }) {
  return changeArticle(ctx, input, { deletedAt: new Date() }, (row) => (row.deletedAt ? "This article is already deleted." : null));
}

/** Undoes a delete: the article returns with the status it had. */
export function restoreDeletedArticle(ctx: StaffContext, input: { articleId: string }) {
  return changeArticle(ctx, input, { deletedAt: null }, (row) => (row.deletedAt ? null : "This article is not deleted."));
}
