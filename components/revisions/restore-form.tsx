"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, startTransition, useActionState } from "react";
import { buttonClass } from "@/components/ui/styles";
import { restoreRevisionAction } from "./actions";

interface RestoreState {
  error?: string;
  /** Related articles the old version names that no longer exist: the one problem we can offer to skip. */
  missingRelated?: string;
}

/** The confirming button of a restore, and what went wrong if it could not be done. */
export function RestoreForm({
  articleId,
  revisionId,
  baseRevisionId,
  cancelHref,
}: {
  articleId: string;
  revisionId: string;
  baseRevisionId: string;
  cancelHref: string;
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState<RestoreState, FormData>(async (_previous, form) => {
    const result = await restoreRevisionAction(form);
    if (result.ok) {
      router.push(`/staff/articles/${articleId}/history?restored=${encodeURIComponent(result.data.revisionId)}`);
      return {};
    }
    return { error: result.error, ...(result.fields?.missingRelated ? { missingRelated: result.fields.missingRelated } : {}) };
  }, {});

  // Sent from onSubmit rather than as the form's action: React would write action="javascript:…"
  // for a client function, which HTML does not allow. The pressed button's value goes along.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseRevisionId" value={baseRevisionId} />
      {state.error && (
        <div role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-medium">{state.error}</p>
          {state.missingRelated && (
            <p className="mt-1">
              You can restore it without the related articles that no longer exist ({state.missingRelated}), or open the editor to choose others.
            </p>
          )}
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Restoring…" : "Restore this version"}
        </button>
        {state.missingRelated && (
          <button type="submit" name="dropMissingRelated" value="true" disabled={pending} className={buttonClass("secondary")}>
            Restore without the missing related articles
          </button>
        )}
        <a href={cancelHref} className={buttonClass("ghost")}>
          Cancel
        </a>
      </div>
    </form>
  );
}
