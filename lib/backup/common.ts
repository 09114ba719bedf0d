// What both providers' backups and restores report, and how.

/** The tables a summary counts, in the order it lists them: what customers and staff gave us first. */
const COUNTED_TABLES = [
  "Feedback",
  "FeedbackComment",
  "ContactRequest",
  "SearchEvent",
  "ArticleViewDay",
  "Article",
  "ArticleRevision",
  "ArticleDraft",
  "Category",
  "SlugRedirect",
  "StaffUser",
  "StaffSession",
] as const;

/** One and many of each. */
const TABLE_LABELS: Record<(typeof COUNTED_TABLES)[number], [string, string]> = {
  Feedback: ["vote", "votes"],
  FeedbackComment: ["comment", "comments"],
  ContactRequest: ["contact request", "contact requests"],
  SearchEvent: ["search", "searches"],
  ArticleViewDay: ["daily view counter", "daily view counters"],
  Article: ["article", "articles"],
  ArticleRevision: ["revision", "revisions"],
  ArticleDraft: ["draft", "drafts"],
  Category: ["category", "categories"],
  SlugRedirect: ["redirect", "redirects"],
  StaffUser: ["staff account", "staff accounts"],
  StaffSession: ["staff session", "staff sessions"],
};

/** Called now and then with the work done so far (bytes, pages or tables) and the total. */
export type Progress = (done: number, total: number) => void;

export interface BackupSummary {
  file: string;
  bytes: number;
  seconds: number;
  /** Rows per table in the backup: the database at the moment the backup was taken. */
  counts: Record<string, number>;
}

export interface RestoreSummary {
  seconds: number;
  /** Rows per table in the restored database. */
  counts: Record<string, number>;
}

/** A failure to report as it is, without a stack: bad input, or a backup that went wrong. */
export class BackupError extends Error {}

/** Counts every counted table that exists, with `count` run per table. */
export function countRows(count: (table: string) => number, existing: Set<string>): Record<string, number> {
  return Object.fromEntries(COUNTED_TABLES.filter((table) => existing.has(table)).map((table) => [table, count(table)]));
}

/** "100,000 votes, 3 comments, …" */
export function describeCounts(counts: Record<string, number>): string {
  return COUNTED_TABLES.filter((table) => table in counts)
    .map((table) => `${counts[table]!.toLocaleString("en")} ${TABLE_LABELS[table][counts[table] === 1 ? 0 : 1]}`)
    .join(", ");
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
