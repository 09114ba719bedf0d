"use client";
import { useRouter } from "next/navigation";
import type { ReactNode, RefObject } from "react";
import { ArticleStatusBadge } from "@/components/staff-articles/status-badge";
import { buttonClass } from "@/components/ui/styles";
import type { EditorState } from "@/lib/articles/editor";
import { archiveAction, deleteAction, discardDraftAction, restoreAction, unpublishAction } from "./actions";
import type { Notice } from "./article-editor";
import { ConfirmButton } from "./confirm-button";

type StatusAction = typeof unpublishAction;

/** The editor's top bar: where the text stands and what can be done with the article. */
export function EditorActions({
  article,
  hasDraft,
  version,
  busy,
  setBusy,
  onPublish,
  onNotice,
  onDiscarded,
  status,
}: {
  article: EditorState["article"];
  hasDraft: boolean;
  version: RefObject<number>;
  busy: string | null;
  setBusy: (value: string | null) => void;
  onPublish: () => void;
  onNotice: (notice: Notice) => void;
  onDiscarded: (state: EditorState) => void;
  status: ReactNode;
}) {
  const router = useRouter();
  const unreachable = { ok: false as const, status: 0, error: "the server could not be reached" };

  async function run(name: string, action: StatusAction, done: string) {
    setBusy(name);
    const result = await action({ articleId: article.id }).catch(() => unreachable);
    setBusy(null);
    onNotice(result.ok ? { tone: "success", text: done } : { tone: "error", text: `Not done: ${result.error}` });
    if (result.ok) router.refresh();
  }

  async function discard() {
    setBusy("discard");
    const result = await discardDraftAction({ articleId: article.id, version: version.current }).catch(() => unreachable);
    setBusy(null);
    if (!result.ok) return onNotice({ tone: "error", text: `Not discarded: ${result.error}` });
    onDiscarded(result.data);
    router.refresh();
  }

  const disabled = busy !== null;
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <ArticleStatusBadge status={article.status} deleted={article.deleted} />
          {status}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {article.deleted ? (
            <button type="button" className={buttonClass("primary")} disabled={disabled} onClick={() => void run("restore", restoreAction, "Restored. The article is back in the list.")}>
              Restore article
            </button>
          ) : (
            <>
              <button type="button" className={buttonClass("primary")} disabled={disabled} onClick={onPublish}>
                {busy === "publish" ? "Publishing…" : "Publish"}
              </button>
              {article.published && (
                <button type="button" className={buttonClass("secondary")} disabled={disabled} onClick={() => void run("unpublish", unpublishAction, "Unpublished. Customers no longer see this article.")}>
                  Unpublish
                </button>
              )}
              {article.status !== "archived" && (
                <button type="button" className={buttonClass("secondary")} disabled={disabled} onClick={() => void run("archive", archiveAction, "Archived. Customers no longer see this article.")}>
                  Archive
                </button>
              )}
              {hasDraft && <ConfirmButton label="Discard draft" question="Throw away the unpublished changes?" confirmLabel="Yes, discard" disabled={disabled} onConfirm={() => void discard()} />}
              <ConfirmButton label="Delete" variant="danger" question="Delete this article? It can be restored later." confirmLabel="Yes, delete" disabled={disabled} onConfirm={() => void run("delete", deleteAction, "Deleted. Find it under Status: Deleted in the article list to restore it.")} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
