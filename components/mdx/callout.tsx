import type { ReactNode } from "react";

const styles = {
  note: { box: "border-sky-300 bg-sky-50", title: "text-sky-900", icon: "ℹ" },
  tip: { box: "border-emerald-300 bg-emerald-50", title: "text-emerald-900", icon: "✓" },
  warning: { box: "border-amber-400 bg-amber-50", title: "text-amber-900", icon: "!" },
} as const;

export type CalloutKind = keyof typeof styles;

/** A note's default heading, in the article's language (lib/i18n/messages/<code>/article.json). */
export type CalloutLabels = Record<CalloutKind, string>;

export const ENGLISH_CALLOUT_LABELS: CalloutLabels = { note: "Note", tip: "Tip", warning: "Warning" };

export function Callout({ kind, title, label, children }: { kind: CalloutKind; title?: string; label: string; children?: ReactNode }) {
  const style = styles[kind];
  // role="note", not <aside>: an aside with a name is a landmark, and an article may hold many notes named alike.
  return (
    <div role="note" className={`not-prose my-6 rounded-lg border-l-4 px-5 py-4 ${style.box}`} aria-label={title ?? label}>
      <p className={`mb-1 flex items-center gap-2 font-semibold ${style.title}`}>
        <span aria-hidden="true" className="grid size-5 place-items-center rounded-full bg-white/70 text-xs">
          {style.icon}
        </span>
        {title ?? label}
      </p>
      <div className="prose prose-slate dark:prose-invert max-w-none text-[0.95rem] prose-p:my-2 prose-ul:my-2 prose-ol:my-2">{children}</div>
    </div>
  );
}
