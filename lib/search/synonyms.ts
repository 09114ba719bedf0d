// Staff-managed synonyms: words or phrases that mean the same to customers ("2fa = two-factor =
// mfa"). They go into the search index (index-data.ts), so the browser and /api/search apply them
// alike; every change is recorded (rule-history.ts) and reaches the next search.
import { z } from "zod";
import { authorize, type StaffContext } from "../auth/roles";
import { HttpError } from "../http-error";
import { recordRuleChange } from "./rule-history";
import { tokens } from "./tokenize";

const SYNONYM_TERMS_MAX = 10;
const SYNONYM_TERM_MAX = 60;

/** The keys a word or phrase is searched by: "Two-Factor" and "two-factor" are one. */
const keyOf = (term: string) =>
  tokens(term)
    .map((t) => t.key)
    .join(" ");

/** "2fa = two-factor = mfa", or one per line, or separated by commas. */
function splitSynonymTerms(text: string): string[] {
  return text
    .split(/[=,\n]/)
    .map((term) => term.trim().replace(/\s+/g, " "))
    .filter(Boolean);
}

const synonymTermsSchema = z
  .string({ error: "must be text" })
  .max(SYNONYM_TERMS_MAX * (SYNONYM_TERM_MAX + 3), "is too long")
  .transform(splitSynonymTerms)
  .pipe(
    z
      .array(z.string().max(SYNONYM_TERM_MAX, `has a word or phrase over ${SYNONYM_TERM_MAX} characters`))
      .min(2, "needs at least two words or phrases that mean the same, such as: 2fa = two-factor = mfa")
      .max(SYNONYM_TERMS_MAX, `can hold at most ${SYNONYM_TERMS_MAX} words or phrases`),
  )
  .superRefine((terms, context) => {
    const seen = new Map<string, string>();
    for (const term of terms) {
      const key = keyOf(term);
      if (!key) context.addIssue({ code: "custom", message: `“${term}” has no searchable word (it is only punctuation or words like “the”)` });
      else if (seen.has(key)) context.addIssue({ code: "custom", message: `“${term}” and “${seen.get(key)}” are the same search word: list it once` });
      else seen.set(key, term);
    }
  });

const idSchema = z.string().min(1, "names no synonym group").max(40, "is not a synonym group id");
export const saveSynonymSchema = z.object({ id: idSchema.optional().or(z.literal("").transform(() => undefined)), terms: synonymTermsSchema });
export const deleteSynonymSchema = z.object({ id: idSchema });

export interface SynonymGroup {
  id: string;
  terms: string[];
  updatedAt: Date;
}

const describeSynonyms = (terms: readonly string[]) => terms.join(" = ");

function parseTerms(stored: string): string[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

export async function listSynonymGroups(ctx: StaffContext): Promise<SynonymGroup[]> {
  authorize(ctx.actor, "editor");
  const rows = await ctx.db.searchSynonym.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, terms: true, updatedAt: true } });
  return rows.map((row) => ({ id: row.id, terms: parseTerms(row.terms), updatedAt: row.updatedAt }));
}

/** Adds a group, or replaces the words of one (`id`). A word already in another group is refused. */
export async function saveSynonymGroup(ctx: StaffContext, input: z.infer<typeof saveSynonymSchema>): Promise<SynonymGroup> {
  const actor = authorize(ctx.actor, "editor");
  const terms = input.terms;
  return ctx.db.$transaction(async (tx) => {
    const existing = input.id ? await tx.searchSynonym.findUnique({ where: { id: input.id }, select: { id: true, terms: true } }) : null;
    if (input.id && !existing) throw new HttpError(404, "This synonym group no longer exists; it may have been removed.");
    const others = await tx.searchSynonym.findMany({ where: input.id ? { id: { not: input.id } } : {}, select: { terms: true } });
    for (const other of others) {
      const otherTerms = parseTerms(other.terms);
      const otherKeys = new Set(otherTerms.map(keyOf));
      const clash = terms.find((term) => otherKeys.has(keyOf(term)));
      if (clash) {
        const message = `“${clash}” is already in “${describeSynonyms(otherTerms)}”: add the other words to that group instead`;
        throw new HttpError(422, `terms: ${message}.`, { terms: message });
      }
    }
    const data = { terms: JSON.stringify(terms) };
    const saved = existing ? await tx.searchSynonym.update({ where: { id: existing.id }, data }) : await tx.searchSynonym.create({ data });
    const before = existing ? describeSynonyms(parseTerms(existing.terms)) : null;
    await recordRuleChange(tx, actor, { kind: "synonym", action: existing ? "changed" : "added", before, after: describeSynonyms(terms) });
    return { id: saved.id, terms, updatedAt: saved.updatedAt };
  });
}

export async function deleteSynonymGroup(ctx: StaffContext, input: z.infer<typeof deleteSynonymSchema>): Promise<{ id: string }> {
  const actor = authorize(ctx.actor, "editor");
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.searchSynonym.findUnique({ where: { id: input.id }, select: { id: true, terms: true } });
    if (!existing) throw new HttpError(404, "This synonym group no longer exists; it may have been removed.");
    await tx.searchSynonym.delete({ where: { id: existing.id } });
    await recordRuleChange(tx, actor, { kind: "synonym", action: "removed", before: describeSynonyms(parseTerms(existing.terms)), after: null });
    return { id: existing.id };
  });
}
