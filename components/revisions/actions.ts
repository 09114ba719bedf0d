"use server";
// Restoring an old revision from the history page. It publishes at once, like Publish in the editor.
import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action";
import { restoreInputSchema, restoreRevision } from "@/lib/articles/revisions";

export const restoreRevisionAction = staffAction("editor", restoreInputSchema, async (ctx, input) => {
  const result = await restoreRevision(ctx, input);
  for (const page of ["history", "feedback", ""]) revalidatePath(`/staff/articles/${input.articleId}${page ? `/${page}` : ""}`);
  revalidatePath("/staff/articles");
  revalidatePath("/staff");
  return result;
});
