"use server";
// The Languages panel's server action: start a translation and open its editor.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffAction } from "@/lib/auth/action";
import { createTranslation, createTranslationSchema } from "@/lib/articles/translations";

const translateAction = staffAction("editor", createTranslationSchema, async (ctx, input) => {
  const translation = await createTranslation(ctx, input.sourceId, input.locale, input.title ? { title: input.title } : {});
  revalidatePath("/staff/articles");
  revalidatePath(`/staff/articles/${input.sourceId}`);
  redirect(`/staff/articles/${translation.id}`);
});

/** For the "Translate into …" form (useActionState): works without JavaScript too. */
export async function createTranslationFormAction(_previous: unknown, form: FormData) {
  return translateAction(form);
}
