// What changed between two versions of an article: field by field for the frontmatter, line by
// line for the body (jsdiff). Pure functions, shared by the history list and the compare view.
import { diffLines } from "diff";
import { parseStoredList } from "./stored-list";
import { type ArticleAudience, parseAudience } from "./visibility";

/** The part of a revision that can differ between versions. The slug is not here: it is the article's. */
export interface RevisionSnapshot {
  title: string;
  description: string;
  categorySlug: string;
  tags: string[];
  related: string[];
  audience: ArticleAudience;
  body: string;
}

export type FrontmatterField = "title" | "description" | "categorySlug" | "tags" | "related" | "audience";

export const FIELD_LABELS: Record<FrontmatterField | "body" | "slug", string> = {
  title: "Title",
  description: "Description",
  categorySlug: "Category",
  tags: "Tags",
  related: "Related articles",
  audience: "Audience",
  body: "Body",
  slug: "Address",
};

const FIELDS: FrontmatterField[] = ["title", "description", "categorySlug", "tags", "related", "audience"];

/** How an audience reads in the history and the editor. */
export const AUDIENCE_LABELS: Record<ArticleAudience, string> = { public: "Everyone (public)", internal: "Staff only (internal)" };

export function toSnapshot(row: {
  title: string;
  description: string;
  categorySlug: string;
  tags: string;
  related: string;
  audience: string;
  body: string;
}): RevisionSnapshot {
  return {
    title: row.title,
    description: row.description,
    categorySlug: row.categorySlug,
    tags: parseStoredList(row.tags),
    related: parseStoredList(row.related),
    audience: parseAudience(row.audience),
    body: row.body,
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

export function sameContent(a: RevisionSnapshot, b: RevisionSnapshot): boolean {
  return changedFields(a, b).length === 0 && normaliseBody(a.body) === normaliseBody(b.body);
}

/** The frontmatter fields whose value differs (a reordered list counts as a change: order is shown to customers). */
export function changedFields(before: RevisionSnapshot, after: RevisionSnapshot): FrontmatterField[] {
  return FIELDS.filter((field) => {
    const a = before[field];
    const b = after[field];
    return Array.isArray(a) && Array.isArray(b) ? !sameList(a, b) : a !== b;
  });
}

export type FieldChange =
  | { field: "title" | "description" | "categorySlug" | "audience"; label: string; kind: "text"; before: string; after: string }
  | { field: "tags" | "related"; label: string; kind: "list"; before: string[]; after: string[]; added: string[]; removed: string[] };

export function fieldChanges(before: RevisionSnapshot, after: RevisionSnapshot): FieldChange[] {
  return changedFields(before, after).map((field): FieldChange => {
    if (field === "tags" || field === "related") {
      const a = before[field];
      const b = after[field];
      return {
        field,
        label: FIELD_LABELS[field],
        kind: "list",
        before: a,
        after: b,
        added: b.filter((x) => !a.includes(x)),
        removed: a.filter((x) => !b.includes(x)),
      };
    }
    if (field === "audience")
      return { field, label: FIELD_LABELS[field], kind: "text", before: AUDIENCE_LABELS[before.audience], after: AUDIENCE_LABELS[after.audience] };
    return { field, label: FIELD_LABELS[field], kind: "text", before: before[field], after: after[field] };
  });
}

export type BodyRow =
  { kind: "added" | "removed" | "unchanged"; text: string; oldLine: number | null; newLine: number | null } | { kind: "skipped"; count: number };

export interface BodyDiff {
  rows: BodyRow[];
  added: number;
  removed: number;
}

/** Line endings and the final newline are not changes anyone wants to read about. */
function normaliseBody(body: string): string {
  const text = body.replace(/\r\n?/g, "\n");
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}

function splitLines(value: string): string[] {
  return (value.endsWith("\n") ? value.slice(0, -1) : value).split("\n");
}

// A huge rewrite could make the diff slow; past this it is shown as "everything replaced".
const DIFF_TIMEOUT_MS = 1500;

function lineChanges(before: string, after: string) {
  const a = normaliseBody(before);
  const b = normaliseBody(after);
  const changes = diffLines(a, b, { timeout: DIFF_TIMEOUT_MS });
  if (changes) return changes;
  return [
    ...(a ? [{ value: a, added: false, removed: true, count: splitLines(a).length }] : []),
    ...(b ? [{ value: b, added: true, removed: false, count: splitLines(b).length }] : []),
  ];
}

/** Lines added and removed in the body, for the history list. */
export function countLineChanges(before: string, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const change of lineChanges(before, after)) {
    if (change.added) added += splitLines(change.value).length;
    else if (change.removed) removed += splitLines(change.value).length;
  }
  return { added, removed };
}

/**
 * The body's line diff with `context` unchanged lines around each change; longer unchanged
 * stretches collapse into one "skipped" row so a one-line fix in a long article stays readable.
 */
export function bodyDiff(before: string, after: string, context = 3): BodyDiff {
  const lines: Extract<BodyRow, { text: string }>[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  for (const change of lineChanges(before, after)) {
    if (!change.value) continue;
    for (const text of splitLines(change.value)) {
      if (change.added) {
        lines.push({ kind: "added", text, oldLine: null, newLine: newLine++ });
        added++;
      } else if (change.removed) {
        lines.push({ kind: "removed", text, oldLine: oldLine++, newLine: null });
        removed++;
      } else {
        lines.push({ kind: "unchanged", text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
  }
  if (added === 0 && removed === 0) return { rows: [], added, removed };

  const keep = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.kind === "unchanged") return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true;
  });
  const rows: BodyRow[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (skipped) rows.push({ kind: "skipped", count: skipped });
      skipped = 0;
      rows.push(line);
    } else skipped++;
  });
  if (skipped) rows.push({ kind: "skipped", count: skipped });
  return { rows, added, removed };
}
