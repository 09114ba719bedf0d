// An article's history for staff: every revision with who made it, when and what it changed;
// the difference between any two; and restoring an old one. Restoring never rewrites history: it
// publishes the old content again as a new revision, through the same path as Publish.
import { z } from "zod";
import type { Database } from "../db-client";
import { authorize, type StaffContext } from "../auth/roles";
import { HttpError } from "../http-error";
import { checkArticleContent, type ContentProblem } from "./checks";
import { frontmatterColumns, getHeadRevision, publishContent, PublishConflictError, revisionToContent } from "./publishing";
import { revalidateCustomerPages } from "./revalidate";
import { otherLanguageSlugs } from "./slugs";
import {
  AUDIENCE_LABELS,
  bodyDiff,
  type BodyDiff,
  changedFields,
  countLineChanges,
  FIELD_LABELS,
  type FieldChange,
  fieldChanges,
  type FrontmatterField,
  sameContent,
  toSnapshot,
} from "./revision-diff";
import { customerVisible, isCustomerVisible, isPublished, parseAudience, publishedArticle } from "./visibility";
import { noRatings, type RatingCounts, ratingCountsByRevision, satisfactionScore, totalRatings } from "../feedback/score";
import { formatDateTime } from "../format";

const revisionIdSchema = z.string().trim().min(1, "choose a revision").max(64, "is not a revision id");

export interface RevisionListItem {
  id: string;
  createdAt: Date;
  author: string;
  /** Why it exists when it is not plain editing, e.g. "Restored from the revision of …". */
  note: string | null;
  /** Frontmatter fields that differ from the revision before; the first revision lists none. */
  changedFields: FrontmatterField[];
  linesAdded: number;
  linesRemoved: number;
  isFirst: boolean;
  /** The revision the article points at: what customers see, if the article is published. */
  isPublished: boolean;
  ratings: RatingCounts;
  totalRatings: number;
  score: number | null;
}

export interface ArticleHistory {
  article: {
    id: string;
    slug: string;
    title: string;
    status: string;
    deleted: boolean;
    /** Published and not deleted: signed-in staff can read it on the site. */
    published: boolean;
    /** Published for everyone: customers read it too (not when it is internal). */
    customersSeeIt: boolean;
  };
  /** An unpublished working copy: restoring (like publishing) replaces it. */
  draft: { updatedAt: Date; updatedBy: string | null } | null;
  /** Newest first, at most HISTORY_SHOWN of them. */
  revisions: RevisionListItem[];
  /** How many revisions the article has in all. */
  total: number;
}

/** Revisions listed: the newest; older ones stay in the database and can still be compared by id. */
const HISTORY_SHOWN = 200;

const revisionSelect = { id: true, createdAt: true, author: true, note: true, ...frontmatterColumns, body: true } as const;

async function findArticle(db: Database, articleId: string) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      deletedAt: true,
      publishedRevisionId: true,
      audience: true,
      draft: { select: { updatedAt: true, updatedBy: { select: { name: true } } } },
    },
  });
  if (!article) throw new HttpError(404, "There is no article with this id; it may have been deleted.");
  return article;
}

export async function listRevisions(ctx: StaffContext, articleId: string): Promise<ArticleHistory> {
  authorize(ctx.actor, "editor");
  const article = await findArticle(ctx.db, articleId);
  // The newest, plus the one before them to compare the oldest shown with; then oldest first, to
  // compare each with the one before (the same order as getHeadRevision).
  const [newest, total, ratings] = await Promise.all([
    ctx.db.articleRevision.findMany({
      where: { articleId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_SHOWN + 1,
      select: revisionSelect,
    }),
    ctx.db.articleRevision.count({ where: { articleId } }),
    ratingCountsByRevision(ctx.db, articleId),
  ]);
  const rows = newest.reverse();
  const shownFrom = rows.length > HISTORY_SHOWN ? 1 : 0;
  const revisions = rows.slice(shownFrom).map((row, at): RevisionListItem => {
    const i = at + shownFrom;
    const previous = rows[i - 1];
    const lines = countLineChanges(previous?.body ?? "", row.body);
    const counts = ratings.get(row.id) ?? noRatings();
    return {
      id: row.id,
      createdAt: row.createdAt,
      author: row.author,
      note: row.note,
      changedFields: previous ? changedFields(toSnapshot(previous), toSnapshot(row)) : [],
      linesAdded: lines.added,
      linesRemoved: lines.removed,
      isFirst: !previous,
      isPublished: row.id === article.publishedRevisionId,
      ratings: counts,
      totalRatings: totalRatings(counts),
      score: satisfactionScore(counts),
    };
  });
  return {
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      status: article.status,
      deleted: article.deletedAt !== null,
      published: isPublished(article),
      customersSeeIt: isCustomerVisible(article),
    },
    draft: article.draft ? { updatedAt: article.draft.updatedAt, updatedBy: article.draft.updatedBy?.name ?? null } : null,
    revisions: revisions.reverse(),
    total,
  };
}

export interface RevisionDiff {
  article: { id: string; slug: string; title: string };
  from: { id: string; createdAt: Date; author: string; note: string | null };
  to: { id: string; createdAt: Date; author: string; note: string | null };
  /** Only the fields that differ; categories are given by name where the category still exists. */
  fields: FieldChange[];
  /** Revisions do not hold the slug: the address belongs to the article and no revision changes it. Restoring keeps the audience too. */
  slugNote: string;
  body: BodyDiff;
}

export async function diffRevisions(ctx: StaffContext, input: { articleId: string; from: string; to: string }): Promise<RevisionDiff> {
  authorize(ctx.actor, "editor");
  const { articleId, from, to } = input;
  const article = await findArticle(ctx.db, articleId);
  const rows = await ctx.db.articleRevision.findMany({ where: { articleId, id: { in: [from, to] } }, select: revisionSelect });
  const before = rows.find((row) => row.id === from);
  const after = rows.find((row) => row.id === to);
  if (!before || !after) throw new HttpError(404, `${!before ? "The first" : "The second"} revision chosen is not a revision of "${article.title}".`);

  const fields = fieldChanges(toSnapshot(before), toSnapshot(after));
  const categorySlugs = fields.flatMap((change) => (change.field === "categorySlug" ? [change.before, change.after] : []));
  if (categorySlugs.length) {
    const names = new Map(
      (await ctx.db.category.findMany({ where: { slug: { in: categorySlugs } }, select: { slug: true, name: true } })).map((c) => [c.slug, c.name]),
    );
    for (const change of fields) {
      if (change.field !== "categorySlug") continue;
      change.before = names.has(change.before) ? `${names.get(change.before)} (${change.before})` : `${change.before} (no longer exists)`;
      change.after = names.has(change.after) ? `${names.get(change.after)} (${change.after})` : `${change.after} (no longer exists)`;
    }
  }
  const meta = (row: typeof before) => ({ id: row.id, createdAt: row.createdAt, author: row.author, note: row.note });
  return {
    article: { id: article.id, slug: article.slug, title: article.title },
    from: meta(before),
    to: meta(after),
    fields,
    slugNote: `The address (/articles/${article.slug}) is not part of a revision: it belongs to the article, so comparing or restoring revisions never changes it. Restoring also keeps who may read the article (${AUDIENCE_LABELS[parseAudience(article.audience)].toLowerCase()}): change that in the editor.`,
    body: bodyDiff(before.body, after.body),
  };
}

export const restoreInputSchema = z.object({
  articleId: z.string().trim().min(1, "is missing").max(64),
  revisionId: revisionIdSchema,
  /** The newest revision the history showed: if someone published since, nothing is restored. */
  baseRevisionId: revisionIdSchema,
  /** Restore anyway, leaving out related articles that no longer exist. */
  dropMissingRelated: z.preprocess((value) => value === true || value === "true" || value === "on", z.boolean()).default(false),
});
export type RestoreInput = z.input<typeof restoreInputSchema>;

function describeProblems(problems: ContentProblem[]): string {
  return problems
    .map(
      (problem) =>
        `${problem.field === "form" ? "" : `${FIELD_LABELS[problem.field as keyof typeof FIELD_LABELS] ?? problem.field}${problem.line ? ` line ${problem.line}` : ""}: `}${problem.message}`,
    )
    .join("; ");
}

export async function restoreRevision(ctx: StaffContext, input: RestoreInput): Promise<{ revisionId: string; slug: string; note: string }> {
  const actor = authorize(ctx.actor, "editor");
  const { articleId, revisionId, baseRevisionId, dropMissingRelated } = restoreInputSchema.parse(input);
  const article = await findArticle(ctx.db, articleId);
  if (article.deletedAt) throw new HttpError(409, `"${article.title}" is deleted. Bring the article back before restoring one of its revisions.`);
  const revision = await ctx.db.articleRevision.findFirst({ where: { id: revisionId, articleId }, select: revisionSelect });
  if (!revision) throw new HttpError(404, `That revision is not a revision of "${article.title}".`);

  // The article keeps its current address and audience; only the content goes back (an old revision
  // from before the article was made internal must not quietly make it public again).
  const restored = { ...revision, audience: article.audience };
  const head = await getHeadRevision(ctx.db, articleId);
  if (head && article.status === "published" && sameContent(toSnapshot(head), toSnapshot(restored))) {
    throw new HttpError(409, "Customers already see exactly this content; there is nothing to restore.");
  }

  const content = revisionToContent(article.slug, restored);
  let note = `Restored from the revision of ${formatDateTime(revision.createdAt)} by ${revision.author}`;
  if (dropMissingRelated) {
    // A public article's related articles must be public too (checks.ts): internal ones count as gone.
    const found = await ctx.db.article.findMany({
      where: { slug: { in: content.related }, ...(content.audience === "public" ? customerVisible : publishedArticle) },
      select: { slug: true },
    });
    const existing = new Set(found.map((row) => row.slug));
    const missing = content.related.filter((slug) => !existing.has(slug) || slug === article.slug);
    content.related = content.related.filter((slug) => !missing.includes(slug));
    if (missing.length) note += `, without related articles that no longer exist (${missing.join(", ")})`;
  }
  const problems = await checkArticleContent(ctx.db, content, articleId);
  if (problems.length) {
    const fields: Record<string, string> = Object.fromEntries(problems.map((problem) => [problem.field, problem.message]));
    const missing = problems.flatMap((problem) => {
      const match = problem.field === "related" ? /^no published article has the slug "(.+)"$|^"(.+)" is internal \(staff only\)/.exec(problem.message) : null;
      return match ? [match[1] ?? match[2]!] : [];
    });
    // Tells the page it can offer "restore without them" when nothing else is wrong.
    if (missing.length && problems.every((problem) => problem.field === "related")) fields.missingRelated = missing.join(", ");
    throw new HttpError(422, `This revision cannot be published again as it is. ${describeProblems(problems)}.`, fields);
  }

  const result = await publishContent(ctx.db, { articleId, content, actor, expectedHeadRevisionId: baseRevisionId, note }).catch((error: unknown) => {
    if (!(error instanceof PublishConflictError)) throw error;
    throw new HttpError(
      409,
      `${error.head.author} published a newer version (${formatDateTime(error.head.createdAt)}) since you opened the history. Nothing was restored: look at their version first.`,
    );
  });
  revalidateCustomerPages({
    slugs: [result.slug, result.previousSlug, ...(await otherLanguageSlugs(ctx.db, articleId))],
    categorySlugs: result.categorySlugs,
    leftCustomers: result.leftCustomers,
  });
  return { revisionId: result.revisionId, slug: result.slug, note };
}
