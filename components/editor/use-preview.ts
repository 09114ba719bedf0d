"use client";
// The live preview: shortly after each change the working copy goes to /api/staff/preview, which
// compiles it exactly as the customer page does and names every problem. A newer request
// cancels an older one, so the preview never shows stale text after fresh text.
import type { Root } from "hast";
import { useEffect, useState } from "react";
import { type EditorForm, formToContent, type Problem } from "./editor-form";

const PREVIEW_DELAY_MS = 350;

export function usePreview(articleId: string, form: EditorForm) {
  const [tree, setTree] = useState<Root | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [state, setState] = useState<"loading" | "ready" | "error">("loading");

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState("loading");
      const { body, ...frontmatter } = formToContent(form);
      try {
        const response = await fetch("/api/staff/preview", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ articleId, body, frontmatter }),
          signal: controller.signal,
        });
        const data = (await response.json()) as { tree?: Root; problems?: Problem[]; error?: string };
        if (!response.ok || !data.tree) {
          setProblems([{ field: "form", message: data.error ?? "The preview could not be made." }]);
          setState("error");
          return;
        }
        setTree(data.tree);
        setProblems(data.problems ?? []);
        setState("ready");
      } catch {
        if (!controller.signal.aborted) setState("error");
      }
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [articleId, form]);

  return { tree, problems, state };
}
