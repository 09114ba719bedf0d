"use client";
import { diffLines } from "diff";
import { buttonClass } from "@/components/ui/styles";
import type { DraftContent } from "@/lib/articles/schema";
import { formatLocalDayTime } from "@/lib/format";
import { FIELD_LABELS } from "./editor-form";
import type { Conflict } from "./editor-state";

const show = (content: DraftContent, key: keyof DraftContent) => {
  const value = content[key];
  return Array.isArray(value) ? value.join(", ") : value;
};

/** Someone else's newer version beside the author's own, line by line. Nothing is lost whichever is chosen. */
export function ConflictPanel({
  conflict,
  busy,
  onKeepMine,
  onTakeTheirs,
  onLater,
}: {
  conflict: Conflict;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onLater?: () => void;
}) {
  const { theirs, mine } = conflict;
  const fields = (["title", "slug", "description", "categorySlug", "tags", "related"] as const).filter((key) => show(theirs, key) !== show(mine, key));
  const parts = diffLines(theirs.body, mine.body);
  const what = conflict.kind === "publish" ? "published a newer version" : "saved a newer draft";
  return (
    <section role="alert" aria-labelledby="conflict-heading" className="rounded-xl border-2 border-amber-400 bg-amber-50 p-5">
      <h2 id="conflict-heading" className="text-lg font-semibold text-amber-950">
        {conflict.who} {what} at {formatLocalDayTime(conflict.when)}
      </h2>
      <p className="mt-1 text-sm text-amber-950">Nothing was overwritten. Compare the two versions, then choose. Your text stays in the editor until you do.</p>
      {fields.length > 0 && (
        <table className="mt-4 w-full text-left text-sm">
          <caption className="sr-only">Fields that differ</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3 text-amber-950">
                Field
              </th>
              <th scope="col" className="py-1 pr-3 text-amber-950">
                Theirs ({conflict.who})
              </th>
              <th scope="col" className="py-1 text-amber-950">
                Yours
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((key) => (
              <tr key={key} className="border-t border-amber-200 align-top">
                <th scope="row" className="py-1 pr-3 font-medium">
                  {FIELD_LABELS[key]}
                </th>
                <td className="py-1 pr-3 break-words">{show(theirs, key)}</td>
                <td className="py-1 break-words">{show(mine, key)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="mt-4 text-sm font-semibold text-amber-950">Body: lines only in theirs, lines only in yours</h3>
      <pre
        aria-label="Differences in the body"
        className="mt-2 max-h-80 overflow-auto rounded-lg border border-amber-200 bg-white p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap"
        tabIndex={0}
      >
        {parts.every((part) => !part.added && !part.removed) ? (
          <span className="text-slate-700">The bodies are the same.</span>
        ) : (
          parts.map((part, index) => (
            <span
              key={index}
              className={part.added ? "block bg-emerald-50 text-emerald-900" : part.removed ? "block bg-red-50 text-red-900" : "block text-slate-700"}
            >
              {part.value
                .replace(/\n$/, "")
                .split("\n")
                .map((line, i) => (
                  <span key={i} className="block">
                    <span aria-hidden="true">{part.added ? "+ " : part.removed ? "− " : "  "}</span>
                    <span className="sr-only">{part.added ? "Yours: " : part.removed ? "Theirs: " : ""}</span>
                    {line}
                  </span>
                ))}
            </span>
          ))
        )}
      </pre>
      <p className="mt-2 text-xs text-amber-950">
        <span aria-hidden="true">−</span> only in theirs · <span aria-hidden="true">+</span> only in yours
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" className={buttonClass("primary")} onClick={onKeepMine} disabled={busy}>
          {conflict.kind === "publish" ? "Publish mine anyway" : "Keep mine (save over theirs)"}
        </button>
        <button type="button" className={buttonClass("secondary")} onClick={onTakeTheirs} disabled={busy}>
          Take theirs (keep a copy of mine)
        </button>
        {onLater && (
          <button type="button" className={buttonClass("ghost")} onClick={onLater} disabled={busy}>
            Decide later
          </button>
        )}
      </div>
    </section>
  );
}

/** The author's own text after taking someone else's version: read-only, to copy from. */
export function KeptCopy({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  return (
    <section aria-labelledby="kept-copy-heading" className="rounded-xl border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="kept-copy-heading" className="text-sm font-semibold text-slate-900">
          Your earlier version (a copy to take text from)
        </h2>
        <div className="flex gap-2">
          <button type="button" className={buttonClass("secondary", "px-3 py-1.5")} onClick={() => void navigator.clipboard?.writeText(text)}>
            Copy all
          </button>
          <button type="button" className={buttonClass("ghost", "px-3 py-1.5")} onClick={onDismiss}>
            Close the copy
          </button>
        </div>
      </div>
      <label htmlFor="kept-copy" className="sr-only">
        Your earlier version
      </label>
      <textarea id="kept-copy" readOnly value={text} rows={10} className="mt-2 w-full rounded-lg border border-slate-300 bg-slate-50 p-3 font-mono text-xs" />
    </section>
  );
}
