"use client";
// The MDX source in CodeMirror 6: line numbers, Markdown highlighting, undo, search, and the
// preview's problems drawn on their lines. Tab is left to move focus (no tab trapping), so the
// editor can be left by keyboard; indent with spaces.
import { markdown } from "@codemirror/lang-markdown";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
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

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "0.9rem", backgroundColor: "#fff" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { overflow: "auto", fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" },
  ".cm-gutters": { backgroundColor: "#f8fafc", color: "#475569", borderRight: "1px solid #e2e8f0" },
  ".cm-content": { paddingBlock: "0.75rem" },
});

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

  return <div ref={host} className="h-[28rem] overflow-hidden rounded-lg border border-slate-300 focus-within:border-brand-700 focus-within:ring-4 focus-within:ring-brand-600/25 lg:h-[36rem]" />;
}
