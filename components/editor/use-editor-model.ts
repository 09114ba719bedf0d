"use client";
// The editor's model (editor-state.ts) held for React. Not useReducer: the editor's async steps
// (a save waiting for the one under way, Publish waiting for autosave) must read the model as it
// is now, not as of the last render, and learn at once whether their event was taken, so two
// saves never go out together. `send` runs the reducer synchronously and says whether anything
// changed; a refused event returns the model it was given, so it changes nothing.
import { useCallback, useRef, useState } from "react";
import type { EditorState } from "@/lib/articles/editor";
import { type EditorEvent, type EditorModel, editorReducer, openEditor } from "./editor-state";

export type SendEditorEvent = (event: EditorEvent) => boolean;

export function useEditorModel(initial: EditorState) {
  const [model, setModel] = useState(() => openEditor(initial));
  const latest = useRef(model);
  const send = useCallback<SendEditorEvent>((event) => {
    const next = editorReducer(latest.current, event);
    if (next === latest.current) return false;
    latest.current = next;
    setModel(next);
    return true;
  }, []);
  const read = useCallback((): EditorModel => latest.current, []);
  return { model, send, read };
}
