"use client";
// The article editor: frontmatter fields, the MDX source with its problems, the live preview,
// autosave, and Publish with its conflict check. Whatever happens, the author's text stays on
// screen until they choose to replace it.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { EditorState } from "@/lib/articles/editor";
import { slugFromTitle } from "@/lib/articles/slugs";
import type { OtherDraft } from "@/lib/articles/drafts";
import { publishAction } from "./actions";
import { ConflictPanel, type ConflictView, KeptCopy } from "./conflict-panel";
import { contentToForm, type EditorForm, fieldErrors, formToContent, type Problem } from "./editor-form";
import { EditorActions } from "./editor-actions";
import { FrontmatterFields } from "./frontmatter-fields";
import { MdxSource, type SourceController } from "./mdx-source";
import { PreviewPane } from "./preview-pane";
import { ProblemList } from "./problem-list";
import { SaveStatus } from "./save-status";
import { type NewerPublished, useAutosave } from "./use-autosave";
import { usePreview } from "./use-preview";

export type Notice = { tone: "success" | "error" | "info"; text: string; link?: { href: string; label: string } };

type Conflict = ConflictView & { revisionId: string | null; version: number | null };

function asText(form: EditorForm): string {
  return `title: ${form.title}\nslug: ${form.slug}\ndescription: ${form.description}\ncategory: ${form.categorySlug}\ntags: ${form.tagsText}\nrelated: ${form.relatedText}\n\n${form.body}`;
}

export function ArticleEditor({ initial }: { initial: EditorState }) {
  const router = useRouter();
  const articleId = initial.article.id;
  const [form, setForm] = useState<EditorForm>(() => contentToForm(initial.content));
  // A never-published article's slug follows its title until someone edits the slug.
  const [slugFollowsTitle, setSlugFollowsTitle] = useState(() => !initial.head && initial.content.slug === slugFromTitle(initial.content.title));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [keptCopy, setKeptCopy] = useState<string | null>(null);
  const [publishProblems, setPublishProblems] = useState<Problem[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [newer, setNewer] = useState<NewerPublished | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const source = useRef<SourceController | null>(null);

  const onConflict = useCallback((theirs: OtherDraft, mine: EditorForm) => {
    setConflict({ kind: "draft", who: theirs.updatedBy ?? "Someone", when: new Date(theirs.updatedAt), theirs: theirs.content, mine: formToContent(mine), revisionId: null, version: theirs.version });
  }, []);
  const autosave = useAutosave({
    articleId,
    form,
    initialVersion: initial.version,
    initialBaseRevisionId: initial.baseRevisionId,
    paused: conflict?.kind === "draft" || busy === "publish",
    onConflict,
    onNewerPublished: setNewer,
  });
  const preview = usePreview(articleId, form);
  const problems = publishProblems ?? preview.problems;
  const errors = useMemo(() => fieldErrors(problems), [problems]);
  const unsaved = autosave.dirty || autosave.state.kind === "saving" || conflict !== null || keptCopy !== null;

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void autosave.saveNow();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [autosave]);

  const change = (patch: Partial<EditorForm>) => {
    setPublishProblems(null);
    if (patch.slug !== undefined) setSlugFollowsTitle(false);
    setForm((current) => {
      const next = { ...current, ...patch };
      if (patch.title !== undefined && slugFollowsTitle) next.slug = slugFromTitle(patch.title);
      return next;
    });
  };
  const changeBody = useCallback((body: string) => {
    setPublishProblems(null);
    setForm((current) => (current.body === body ? current : { ...current, body }));
  }, []);

  async function publish({ baseRevisionId, replacing }: { baseRevisionId?: string | null; replacing?: boolean } = {}) {
    setBusy("publish");
    setNotice(null);
    await autosave.settle();
    const snapshot = form;
    const result = await publishAction({ articleId, baseRevisionId: baseRevisionId === undefined ? autosave.baseRevisionId.current : baseRevisionId, replacing, content: formToContent(snapshot) }).catch(
      () => ({ ok: false as const, status: 0, error: "The server could not be reached. Nothing was published; your text is kept here." }),
    );
    setBusy(null);
    if (!result.ok) return setNotice({ tone: "error", text: `Not published: ${result.error}` });
    const data = result.data;
    if (data.outcome === "invalid") {
      setPublishProblems(data.problems);
      setNotice({ tone: "error", text: `Not published: ${data.problems.length} problem${data.problems.length === 1 ? "" : "s"} to fix first (listed below the fields).` });
      return;
    }
    if (data.outcome === "conflict") {
      setConflict({ kind: "publish", who: data.theirs.author, when: new Date(data.theirs.createdAt), theirs: data.theirs.content, mine: formToContent(snapshot), revisionId: data.theirs.revisionId, version: null });
      return;
    }
    autosave.reset({ version: 0, baseRevisionId: data.revisionId, form: snapshot });
    setConflict(null);
    setNewer(null);
    setSlugFollowsTitle(false);
    setNotice({ tone: "success", text: `Published. Customers see it now at /articles/${data.slug}.`, link: { href: `/articles/${data.slug}`, label: "View the live page" } });
    router.refresh();
  }

  function keepMine() {
    if (!conflict) return;
    setConflict(null);
    if (conflict.kind === "publish") return void publish({ baseRevisionId: conflict.revisionId, replacing: true });
    autosave.reset({ version: conflict.version ?? undefined });
    void autosave.saveNow();
  }

  function takeTheirs() {
    if (!conflict) return;
    const theirs = contentToForm(conflict.theirs);
    setKeptCopy(asText(form));
    setConflict(null);
    setPublishProblems(null);
    if (conflict.kind === "draft") {
      autosave.reset({ version: conflict.version ?? undefined, form: theirs });
    } else {
      setNewer(null);
      // With a draft of ours stored, theirs is autosaved over it; without one, theirs is simply the published text.
      autosave.reset({ baseRevisionId: conflict.revisionId, ...(autosave.version.current === 0 ? { form: theirs } : {}) });
    }
    setForm(theirs);
  }

  return (
    <div className="space-y-5">
      <EditorActions
        article={initial.article}
        hasDraft={autosave.hasDraft}
        version={autosave.version}
        busy={busy}
        setBusy={setBusy}
        onPublish={() => void publish()}
        onNotice={setNotice}
        onDiscarded={(state) => {
          const fresh = contentToForm(state.content);
          autosave.reset({ version: state.version, baseRevisionId: state.baseRevisionId, form: fresh });
          setForm(fresh);
                setPublishProblems(null);
          setNotice({ tone: "info", text: "Draft discarded. The editor shows the published version again." });
        }}
        status={<SaveStatus state={autosave.state} dirty={autosave.dirty} conflict={conflict?.kind ?? null} draft={autosave.hasDraft ? initial.draft : null} onRetry={() => void autosave.saveNow()} />}
      />
      {notice && (
        <p role={notice.tone === "error" ? "alert" : "status"} className={`rounded-lg px-4 py-3 text-sm font-medium ${notice.tone === "error" ? "bg-red-50 text-red-800" : notice.tone === "success" ? "bg-emerald-50 text-emerald-900" : "bg-sky-50 text-sky-900"}`}>
          {notice.text}{" "}
          {notice.link && (
            <Link href={notice.link.href} prefetch={false} className="underline underline-offset-2" target="_blank">
              {notice.link.label}
            </Link>
          )}
        </p>
      )}
      {newer && !conflict && (
        <p role="status" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {newer.author} published a newer version since you opened this article. Your draft is saved; when you publish, you will see both versions side by side first.
        </p>
      )}
      {conflict && <ConflictPanel conflict={conflict} busy={busy !== null} onKeepMine={keepMine} onTakeTheirs={takeTheirs} onLater={conflict.kind === "publish" ? () => setConflict(null) : undefined} />}
      {keptCopy !== null && <KeptCopy text={keptCopy} onDismiss={() => setKeptCopy(null)} />}
      <FrontmatterFields form={form} errors={errors} categories={initial.categories} onChange={change} />
      <ProblemList problems={problems} onGoToLine={(line) => source.current?.goToLine(line)} />
      <div className="grid gap-5 lg:grid-cols-2">
        <div className="min-w-0">
          <h2 id="source-heading" className="mb-2 text-sm font-semibold text-slate-900">Body (MDX)</h2>
          <p id="source-help" className="sr-only">
            Markdown with the components Note, Tip, Warning, Steps and Kbd. Tab moves to the next control; problems are listed above.
          </p>
          <MdxSource value={form.body} onChange={changeBody} problems={problems.filter((p) => p.field === "body")} label="Article body (MDX)" describedBy="source-help" controllerRef={source} />
        </div>
        <PreviewPane title={form.title} description={form.description} tree={preview.tree} state={preview.state} />
      </div>
      <p className="text-xs text-slate-600">
        Autosaves about a second after you stop typing (Ctrl+S saves at once). The preview uses the same renderer customers get.
      </p>
    </div>
  );
}
