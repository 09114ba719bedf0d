"use client";
// The MDX source in CodeMirror 6: line numbers, Markdown highlighting, undo, search, and the
// preview's problems drawn on their lines. Tab is left to move focus (no tab trapping), so the
// editor can be left by keyboard; indent with spaces.
import { markdown } from "@codemirror/lang-markdown";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { tags } from "@lezer/highlight";
import { EditorView, basicSetup } from "codemirror";
import { useEffect, useRef } from "react";

export interface SourceProblem {
  line?: number;
  message: string;
}

/** What the rest of the editor may do with the source: move to a line (from the problem list). */
export interface SourceController {
  goToLine(line: number): void;
}

// Colours from the page's own (app/theme.css), so the editor follows the light or dark theme.
const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "0.9rem", backgroundColor: "var(--color-white)", color: "var(--color-slate-900)" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { overflow: "auto", fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" },
  ".cm-gutters": { backgroundColor: "var(--color-slate-50)", color: "var(--color-slate-600)", borderRight: "1px solid var(--color-slate-200)" },
  ".cm-activeLine": { backgroundColor: "color-mix(in oklab, var(--color-brand-50) 60%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--color-slate-100)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--color-slate-900)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground": { backgroundColor: "var(--color-brand-100)" },
  ".cm-content": { paddingBlock: "0.75rem" },
});

/** Markdown and MDX highlighting in the theme's colours, each readable on the editor's background. */
const highlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.heading, fontWeight: "bold", color: "var(--color-slate-900)" },
    { tag: tags.strong, fontWeight: "bold" },
    { tag: tags.emphasis, fontStyle: "italic" },
    { tag: tags.strikethrough, textDecoration: "line-through" },
    { tag: [tags.link, tags.url], color: "var(--color-brand-700)", textDecoration: "underline" },
    { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator, tags.quote], color: "var(--color-slate-600)" },
    { tag: tags.monospace, color: "var(--color-red-800)" },
    { tag: [tags.tagName, tags.angleBracket, tags.attributeName, tags.typeName], color: "var(--color-sky-800)" },
    { tag: [tags.attributeValue, tags.string], color: "var(--color-emerald-800)" },
  ]),
);

export function MdxSource({
  value,
  onChange,
  problems,
  label,
  describedBy,
  controllerRef,
}: {
  value: string;
  onChange: (value: string) => void;
  problems: SourceProblem[];
  label: string;
  describedBy?: string;
  controllerRef: { current: SourceController | null };
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      doc: value,
      extensions: [
        basicSetup,
        markdown(),
        lintGutter(),
        EditorView.lineWrapping,
        theme,
        highlighting,
        EditorView.contentAttributes.of({ "aria-label": label, ...(describedBy ? { "aria-describedby": describedBy } : {}) }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    controllerRef.current = {
      goToLine(line) {
        const doc = editor.state.doc;
        const target = doc.line(Math.min(Math.max(1, line), doc.lines));
        editor.dispatch({ selection: { anchor: target.from }, effects: EditorView.scrollIntoView(target.from, { y: "center" }) });
        editor.focus();
      },
    };
    return () => {
      editor.destroy();
      view.current = null;
      controllerRef.current = null;
    };
    // The editor is created once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Text replaced from outside (taking someone else's version, discarding the draft).
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const doc = editor.state.doc;
    const diagnostics: Diagnostic[] = problems.flatMap((problem) => {
      if (!problem.line || problem.line > doc.lines) return [];
      const line = doc.line(problem.line);
      return [{ from: line.from, to: line.to, severity: "error" as const, message: problem.message }];
    });
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [problems]);

  return (
    <div
      ref={host}
      className="h-[28rem] overflow-hidden rounded-lg border border-slate-300 focus-within:border-brand-700 focus-within:ring-4 focus-within:ring-brand-600/25 lg:h-[36rem]"
    />
  );
}
