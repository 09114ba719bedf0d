"use client";
// Autosave: about a second after typing stops, the working copy is saved as the draft. Whether a
// save may start, and what its answer changes (a newer draft by someone else is a conflict that
// pauses saving until the author chooses), is the reducer's (editor-state.ts); this hook keeps
// the timer and the request. Saves never overlap: one asked for meanwhile waits its turn.
import { useCallback, useEffect, useRef } from "react";
import { saveDraftAction } from "./actions";
import { formToContent } from "./editor-form";
import { type EditorModel, isAutosavePaused, isDirty } from "./editor-state";
import type { SendEditorEvent } from "./use-editor-model";

const AUTOSAVE_DELAY_MS = 1000;

export function useAutosave({ articleId, model, send, read }: { articleId: string; model: EditorModel; send: SendEditorEvent; read: () => EditorModel }) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);

  const saveNow = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (!send({ type: "saveStarted" })) return; // nothing to save, or saving is paused
    const { version, baseRevisionId, save } = read();
    if (save.kind !== "saving") return;
    const run = (async () => {
      const result = await saveDraftAction({ articleId, version, baseRevisionId, content: formToContent(save.form) }).catch(() => ({
        ok: false as const,
        status: 0,
        error: "the server could not be reached. Your text is kept here; check your connection.",
      }));
      if (!result.ok) send({ type: "saveFailed", message: result.error });
      else if (!result.data.saved) send({ type: "saveConflicted", theirs: result.data.conflict });
      else send({ type: "saveSucceeded", version: result.data.version, savedAt: result.data.savedAt, newerPublished: result.data.newerPublished });
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
  }, [articleId, send, read]);

  const due = isDirty(model) && !isAutosavePaused(model);
  useEffect(() => {
    if (!due) return;
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [model.form, due, saveNow]);

  /** Waits for a save under way and drops a pending one: before Publish, which replaces the draft. */
  const settle = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
  }, []);

  return { saveNow, settle };
}
