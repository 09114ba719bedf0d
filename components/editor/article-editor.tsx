"use client";
// The article editor: frontmatter fields, the MDX source with its problems, the live preview,
// autosave, and Publish with its conflict check. Whatever happens, the author's text stays on
// screen until they choose to replace it. The rules live in editor-state.ts: this component
// sends events, makes the server calls they lead to, and renders the model.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { EditorState } from "@/lib/articles/editor";
import { localePath } from "@/lib/i18n/locales";
import { publishAction } from "./actions";
import { ConflictPanel, KeptCopy } from "./conflict-panel";
import { fieldErrors, formToContent } from "./editor-form";
import { EditorActions } from "./editor-actions";
import { canPublish, conflictOf, hasDraft, hasUnsavedWork, isBusy, isDirty } from "./editor-state";
import { FrontmatterFields } from "./frontmatter-fields";
import { MdxSource, type SourceController } from "./mdx-source";
import { PreviewPane } from "./preview-pane";
import { ProblemList } from "./problem-list";
import { SaveStatus } from "./save-status";
import { useAutosave } from "./use-autosave";
import { useEditorModel } from "./use-editor-model";
import { usePreview } from "./use-preview";

export function ArticleEditor({ initial }: { initial: EditorState }) {
  const router = useRouter();
  const articleId = initial.article.id;
  const { model, send, read } = useEditorModel(initial);
  const { form, notice } = model;
  const source = useRef<SourceController | null>(null);
  const autosave = useAutosave({ articleId, model, send, read });
  const preview = usePreview(articleId, form);
  const problems = model.publishProblems ?? preview.problems;
  const errors = useMemo(() => fieldErrors(problems), [problems]);
  const conflict = conflictOf(model);
  const unsaved = hasUnsavedWork(model);
  const typed = useCallback((body: string) => void send({ type: "typed", body }), [send]);

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const { saveNow } = autosave;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void saveNow();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [saveNow]);

  /** Sends the publish the model holds, once a save under way has landed. */
  async function sendPublish() {
    await autosave.settle();
    const { phase } = read();
    // That save may have met a newer draft: then the author chooses first, and nothing is sent.
    if (phase.name !== "publishing") return;
    const { form: snapshot, baseRevisionId, replacing } = phase.request;
    const result = await publishAction({ articleId, baseRevisionId, replacing, content: formToContent(snapshot) }).catch(() => ({
      ok: false as const,
      status: 0,
      error: "The server could not be reached. Nothing was published; your text is kept here.",
    }));
    if (!result.ok) return void send({ type: "publishFailed", message: result.error });
    const data = result.data;
    if (data.outcome === "invalid") send({ type: "publishRefused", problems: data.problems });
    else if (data.outcome === "conflict") send({ type: "publishConflicted", theirs: data.theirs });
    else {
      send({ type: "publishSucceeded", revisionId: data.revisionId, slug: data.slug, path: localePath(initial.article.locale, `/articles/${data.slug}`) });
      router.refresh();
    }
  }

  function publish() {
    if (send({ type: "publishStarted" })) void sendPublish();
  }

  function keepMine() {
    if (!send({ type: "keepMine" })) return;
    // Over a newer revision the model is now publishing; over a newer draft, mine is saved at once.
    if (read().phase.name === "publishing") void sendPublish();
    else void saveNow();
  }

  return (
    <div className="space-y-5">
      <EditorActions
        article={initial.article}
        hasDraft={hasDraft(model)}
        version={model.version}
        busy={isBusy(model)}
        publishing={model.phase.name === "publishing"}
        canPublish={canPublish(model)}
        onPublish={publish}
        send={send}
        status={
          <SaveStatus
            state={model.save}
            dirty={isDirty(model)}
            conflict={conflict?.kind ?? null}
            draft={hasDraft(model) ? initial.draft : null}
            onRetry={() => void saveNow()}
          />
        }
      />
      {notice && (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          className={`rounded-lg px-4 py-3 text-sm font-medium ${notice.tone === "error" ? "bg-red-50 text-red-800" : notice.tone === "success" ? "bg-emerald-50 text-emerald-900" : "bg-sky-50 text-sky-900"}`}
        >
          {notice.text}{" "}
          {notice.link && (
            <Link href={notice.link.href} prefetch={false} className="underline underline-offset-2" target="_blank">
              {notice.link.label}
            </Link>
          )}
        </p>
      )}
      {model.newerPublished && !conflict && (
        <p role="status" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {model.newerPublished.author} published a newer version since you opened this article. Your draft is saved; when you publish, you will see both
          versions side by side first.
        </p>
      )}
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          busy={isBusy(model)}
          onKeepMine={keepMine}
          onTakeTheirs={() => send({ type: "takeTheirs" })}
          onLater={conflict.kind === "publish" ? () => send({ type: "decideLater" }) : undefined}
        />
      )}
      {model.keptCopy !== null && <KeptCopy text={model.keptCopy} onDismiss={() => send({ type: "keptCopyDismissed" })} />}
      <FrontmatterFields form={form} errors={errors} categories={initial.categories} onChange={(patch) => send({ type: "changed", patch })} />
      <ProblemList problems={problems} onGoToLine={(line) => source.current?.goToLine(line)} />
      <div className="grid gap-5 lg:grid-cols-2">
        <div className="min-w-0">
          <h2 id="source-heading" className="mb-2 text-sm font-semibold text-slate-900">
            Body (MDX)
          </h2>
          <p id="source-help" className="sr-only">
            Markdown with the components Note, Tip, Warning, Steps and Kbd. Tab moves to the next control; problems are listed above.
          </p>
          <MdxSource
            value={form.body}
            onChange={typed}
            problems={problems.filter((p) => p.field === "body")}
            label="Article body (MDX)"
            describedBy="source-help"
            controllerRef={source}
          />
        </div>
        <PreviewPane title={form.title} description={form.description} tree={preview.tree} state={preview.state} />
      </div>
      <p className="text-xs text-slate-600">
        Autosaves about a second after you stop typing (Ctrl+S saves at once). The preview uses the same renderer customers get.
      </p>
    </div>
  );
}
