"use server";
// The editor's server actions. Each authorizes and parses its input (staffAction), then calls
// lib/staff; outcomes the editor must show (a conflict, problems with line numbers) come back as
// data rather than as errors, so nothing the author typed is lost.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffAction } from "@/lib/auth/action";
import { createArticle, getEditorState } from "@/lib/articles/editor";
import { ContentProblemsError, NewerVersionError, publishArticle } from "@/lib/articles/publishing";
import { articleRefSchema, createArticleSchema, discardDraftSchema, publishArticleSchema, saveDraftSchema } from "@/lib/articles/schema";
import { archiveArticle, deleteArticle, restoreDeletedArticle, unpublishArticle } from "@/lib/articles/status";
import { discardDraft, saveDraft } from "@/lib/articles/drafts";

export const saveDraftAction = staffAction("editor", saveDraftSchema, async (ctx, input) => saveDraft(ctx, input));

export const publishAction = staffAction("editor", publishArticleSchema, async (ctx, input) => {
  try {
    const published = await publishArticle(ctx, input);
    revalidatePath("/staff/articles");
    return { outcome: "published" as const, ...published };
  } catch (error) {
    if (error instanceof ContentProblemsError) return { outcome: "invalid" as const, problems: error.problems };
    if (error instanceof NewerVersionError) return { outcome: "conflict" as const, theirs: error.theirs };
    throw error;
  }
});

function statusAction(change: typeof unpublishArticle) {
  return staffAction("editor", articleRefSchema, async (ctx, input) => {
    const result = await change(ctx, input);
    revalidatePath("/staff/articles");
    revalidatePath(`/staff/articles/${input.articleId}`);
    return result;
  });
}

export const unpublishAction = statusAction(unpublishArticle);
export const archiveAction = statusAction(archiveArticle);
export const deleteAction = statusAction(deleteArticle);
export const restoreAction = statusAction(restoreDeletedArticle);

export const discardDraftAction = staffAction("editor", discardDraftSchema, async (ctx, input) => {
  await discardDraft(ctx, input);
  revalidatePath("/staff/articles");
  // The editor goes back to the published text: hand it over, with the version it now stands at.
  return getEditorState(ctx, input.articleId);
});

const createAction = staffAction("editor", createArticleSchema, async (ctx, input) => {
  const article = await createArticle(ctx, input);
  revalidatePath("/staff/articles");
  redirect(`/staff/articles/${article.id}`);
});

/** For the new-article form (useActionState): works without JavaScript too. */
export async function createArticleFormAction(_previous: unknown, form: FormData) {
  return createAction(form);
}
