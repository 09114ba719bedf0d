"use client";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { ArticleStatusBadge } from "@/components/staff-articles/status-badge";
import { buttonClass } from "@/components/ui/styles";
import type { EditorState } from "@/lib/articles/editor";
import { archiveAction, deleteAction, discardDraftAction, restoreAction, unpublishAction } from "./actions";
import { ConfirmButton } from "./confirm-button";
import type { StatusAction } from "./editor-state";
import type { SendEditorEvent } from "./use-editor-model";

type StatusActionCall = typeof unpublishAction;

/** The editor's top bar: where the text stands and what can be done with the article. */
export function EditorActions({
  article,
  hasDraft,
  version,
  busy,
  publishing,
  canPublish,
  onPublish,
  send,
  status,
}: {
  article: EditorState["article"];
  hasDraft: boolean;
  /** The draft version the editor stands at: Discard throws away only that one. */
  version: number;
  busy: boolean;
  publishing: boolean;
  canPublish: boolean;
  onPublish: () => void;
  send: SendEditorEvent;
  status: ReactNode;
}) {
  const router = useRouter();
  const unreachable = { ok: false as const, status: 0, error: "the server could not be reached" };

  async function run(name: StatusAction, action: StatusActionCall, done: string) {
    if (!send({ type: "actionStarted", action: name })) return;
    const result = await action({ articleId: article.id }).catch(() => unreachable);
    send({ type: "actionFinished", notice: result.ok ? { tone: "success", text: done } : { tone: "error", text: `Not done: ${result.error}` } });
    if (result.ok) router.refresh();
  }

  async function discard() {
    if (!send({ type: "actionStarted", action: "discard" })) return;
    const result = await discardDraftAction({ articleId: article.id, version }).catch(() => unreachable);
    if (!result.ok) return void send({ type: "actionFinished", notice: { tone: "error", text: `Not discarded: ${result.error}` } });
    send({ type: "draftDiscarded", state: result.data });
    router.refresh();
  }

  const disabled = busy;
  // Sticky: the save status and Publish stay in view while the author writes further down.
  return (
    <div className="sticky top-0 z-20 space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <ArticleStatusBadge status={article.status} deleted={article.deleted} />
          {status}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {article.deleted ? (
            <button
              type="button"
              className={buttonClass("primary")}
              disabled={disabled}
              onClick={() => void run("restore", restoreAction, "Restored. The article is back in the list.")}
            >
              Restore article
            </button>
          ) : (
            <>
              <button type="button" className={buttonClass("primary")} disabled={!canPublish} onClick={onPublish}>
                {publishing ? "Publishing…" : "Publish"}
              </button>
              {article.published && (
                <ConfirmButton
                  label="Unpublish"
                  question="Take this article off the help center? Customers will no longer see it."
                  confirmLabel="Yes, unpublish"
                  disabled={disabled}
                  onConfirm={() => void run("unpublish", unpublishAction, "Unpublished. Customers no longer see this article.")}
                />
              )}
              {article.status !== "archived" && (
                <ConfirmButton
                  label="Archive"
                  question="Archive this article? Customers will no longer see it."
                  confirmLabel="Yes, archive"
                  disabled={disabled}
                  onConfirm={() => void run("archive", archiveAction, "Archived. Customers no longer see this article.")}
                />
              )}
              {hasDraft && (
                <ConfirmButton
                  label="Discard draft"
                  question="Throw away the unpublished changes?"
                  confirmLabel="Yes, discard"
                  disabled={disabled}
                  onConfirm={() => void discard()}
                />
              )}
              <ConfirmButton
                label="Delete"
                variant="danger"
                question="Delete this article? It can be restored later."
                confirmLabel="Yes, delete"
                disabled={disabled}
                onConfirm={() => void run("delete", deleteAction, "Deleted. Find it under Status: Deleted in the article list to restore it.")}
              />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
