// The history of the staff's search rules (synonyms and pins): who changed what, and when. Written
// in the same transaction as the change, read on the staff search-tuning page.
import { authorize, type Actor, type StaffContext } from "../auth/roles";
import type { Database } from "../db-client";

export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];
const HISTORY_LIMIT = 50;

export interface RuleChange {
  kind: "synonym" | "pin";
  action: "added" | "changed" | "removed";
  before: string | null;
  after: string | null;
}

export interface RuleChangeRow extends RuleChange {
  id: string;
  actorName: string;
  createdAt: Date;
}

/** Called by the authorized synonym and pin functions, inside their transaction. */
export async function recordRuleChange(tx: Transaction, actor: Actor, change: RuleChange) {
  await tx.searchRuleChange.create({ data: { ...change, actorId: actor.id, actorName: actor.name } });
}

export async function listSearchRuleHistory(ctx: StaffContext): Promise<RuleChangeRow[]> {
  authorize(ctx.actor, "editor");
  const rows = await ctx.db.searchRuleChange.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: { id: true, kind: true, action: true, before: true, after: true, actorName: true, createdAt: true },
  });
  return rows.map((row) => ({
    ...row,
    kind: row.kind === "pin" ? "pin" : "synonym",
    action: row.action === "removed" ? "removed" : row.action === "changed" ? "changed" : "added",
  }));
}
