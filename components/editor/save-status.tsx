"use client";
import { formatLocalTime } from "@/lib/format";
import type { SaveState } from "./editor-state";

/** One line that always says where the author's text stands. */
export function SaveStatus({
  state,
  dirty,
  conflict,
  draft,
  onRetry,
}: {
  state: SaveState;
  dirty: boolean;
  conflict: "draft" | "publish" | null;
  draft: { updatedAt: Date; updatedBy: string | null } | null;
  onRetry: () => void;
}) {
  let text: string;
  let tone = "text-slate-700";
  if (conflict === "draft") {
    text = "Not saved: someone saved a newer draft — choose below";
    tone = "text-amber-900 font-semibold";
  } else if (conflict === "publish") {
    text = "Not published: a newer version exists — choose below";
    tone = "text-amber-900 font-semibold";
  } else if (state.kind === "saving") text = "Saving…";
  else if (state.kind === "failed") {
    text = `Not saved: ${state.message}`;
    tone = "text-red-800 font-semibold";
  } else if (dirty) text = "Unsaved changes";
  else if (state.kind === "saved") text = `Draft saved ${formatLocalTime(state.at)}`;
  else if (draft) text = `Draft saved ${formatLocalTime(new Date(draft.updatedAt))}${draft.updatedBy ? ` by ${draft.updatedBy}` : ""}`;
  else text = "No unpublished changes";
  return (
    <p role="status" aria-live="polite" className={`text-sm ${tone}`} data-testid="save-status">
      {text}
      {state.kind === "failed" && !conflict && (
        <button type="button" onClick={onRetry} className="ml-2 font-semibold text-brand-700 underline underline-offset-2">
          Try again
        </button>
      )}
    </p>
  );
}
