"use server";
// Staff synonyms and pinned answers. Each change reaches customers' next search: the index version
// includes the rules (lib/search/rules-source.ts), and this process is told to look at once.
import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action";
import { deletePinSchema, deleteSearchPin, savePinSchema, saveSearchPin } from "@/lib/search/pins";
import { refreshSearchIndexSoon } from "@/lib/search/server";
import { deleteSynonymGroup, deleteSynonymSchema, saveSynonymGroup, saveSynonymSchema } from "@/lib/search/synonyms";

function changed() {
  refreshSearchIndexSoon();
  revalidatePath("/staff/search-tuning");
}

export const saveSynonymAction = staffAction("editor", saveSynonymSchema, async (ctx, input) => {
  const saved = await saveSynonymGroup(ctx, input);
  changed();
  return { id: saved.id, terms: saved.terms };
});

export const deleteSynonymAction = staffAction("editor", deleteSynonymSchema, async (ctx, input) => {
  const removed = await deleteSynonymGroup(ctx, input);
  changed();
  return removed;
});

export const savePinAction = staffAction("editor", savePinSchema, async (ctx, input) => {
  const saved = await saveSearchPin(ctx, input);
  changed();
  return { id: saved.id, query: saved.query, title: saved.article.title };
});

export const deletePinAction = staffAction("editor", deletePinSchema, async (ctx, input) => {
  const removed = await deleteSearchPin(ctx, input);
  changed();
  return removed;
});
