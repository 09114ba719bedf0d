"use client";
// Autosave: about a second after typing stops, the working copy is saved as the draft. Each save
// names the draft version this editor last saw; a newer one by someone else comes back as a
// conflict and saving pauses until the author chooses. Saves never overlap.
import { useCallback, useEffect, useRef, useState } from "react";
import type { OtherDraft } from "@/lib/articles/drafts";
import { saveDraftAction } from "./actions";
import { type EditorForm, fingerprint, formToContent } from "./editor-form";

const AUTOSAVE_DELAY_MS = 1000;

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "error"; message: string };

export interface NewerPublished {
  revisionId: string;
  author: string;
  createdAt: Date;
}

export function useAutosave({
  articleId,
  form,
  initialVersion,
  initialBaseRevisionId,
  paused,
  onConflict,
  onNewerPublished,
}: {
  articleId: string;
  form: EditorForm;
  initialVersion: number;
  initialBaseRevisionId: string | null;
  paused: boolean;
  onConflict: (theirs: OtherDraft, mine: EditorForm) => void;
  onNewerPublished: (newer: NewerPublished) => void;
}) {
  const version = useRef(initialVersion);
  const [currentVersion, setCurrentVersion] = useState(initialVersion);
  const baseRevisionId = useRef(initialBaseRevisionId);
  const [savedPrint, setSavedPrint] = useState(() => fingerprint(form));
  const savedPrintRef = useRef(savedPrint);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const formRef = useRef(form);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const callbacks = useRef({ onConflict, onNewerPublished });

  useEffect(() => {
    formRef.current = form;
    callbacks.current = { onConflict, onNewerPublished };
  });

  const markSaved = useCallback((print: string) => {
    savedPrintRef.current = print;
    setSavedPrint(print);
  }, []);

  const saveNow = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    const snapshot = formRef.current;
    const print = fingerprint(snapshot);
    if (print === savedPrintRef.current) return;
    const run = (async () => {
      setState({ kind: "saving" });
      const result = await saveDraftAction({ articleId, version: version.current, baseRevisionId: baseRevisionId.current, content: formToContent(snapshot) }).catch(
        () => ({ ok: false as const, status: 0, error: "the server could not be reached. Your text is kept here; check your connection." }),
      );
      if (!result.ok) {
        setState({ kind: "error", message: result.error });
      } else if (!result.data.saved) {
        setState({ kind: "idle" });
        callbacks.current.onConflict(result.data.conflict, snapshot);
      } else {
        version.current = result.data.version;
        setCurrentVersion(result.data.version);
        markSaved(print);
        setState({ kind: "saved", at: new Date(result.data.savedAt) });
        if (result.data.newerPublished) callbacks.current.onNewerPublished(result.data.newerPublished);
      }
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
  }, [articleId, markSaved]);

  const dirty = fingerprint(form) !== savedPrint;

  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    if (paused || !dirty) return;
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [form, paused, dirty, saveNow]);

  /** Waits for a save under way and drops a pending one: before Publish, which replaces the draft. */
  const settle = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
  }, []);

  /** After Publish, Discard or taking another version: the editor now stands at this version and text. */
  const reset = useCallback(
    ({ version: nextVersion, baseRevisionId: nextBase, form: savedForm }: { version?: number; baseRevisionId?: string | null; form?: EditorForm }) => {
      if (nextVersion !== undefined) {
        version.current = nextVersion;
        setCurrentVersion(nextVersion);
      }
      if (nextBase !== undefined) baseRevisionId.current = nextBase;
      if (savedForm) markSaved(fingerprint(savedForm));
      setState({ kind: "idle" });
    },
    [markSaved],
  );

  /** `version` is for callers' requests; `hasDraft` for what they render. */
  return { state, dirty, saveNow, settle, reset, version, baseRevisionId, hasDraft: currentVersion > 0 };
}
