import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleEditor } from "@/components/editor/article-editor";
import { ArticleTabs } from "@/components/revisions/article-tabs";
import { LanguagesPanel, TranslationOf } from "@/components/translations/languages-panel";
import { PageHeader } from "@/components/ui/page-header";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { HttpError } from "@/lib/http-error";
import { getEditorState } from "@/lib/articles/editor";
import { articleIdSchema } from "@/lib/articles/schema";
import { listTranslations } from "@/lib/articles/translations";

export const metadata: Metadata = { title: "Edit article" };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  await requirePageActor("editor", `/staff/articles/${encodeURIComponent(id)}`);
  const parsed = articleIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  const ctx = await getStaffContext();
  const [state, languages] = await Promise.all([getEditorState(ctx, parsed.data), listTranslations(ctx, parsed.data)]).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  return (
    <>
      <ArticleTabs articleId={state.article.id} current="edit" slug={state.article.slug} live={state.article.published} locale={languages.article.locale} />
      <PageHeader
        title={state.content.title ? `Edit: ${state.content.title}` : "Edit article"}
        description={state.head ? `Last published by ${state.head.author}.` : "Not published yet: customers cannot see it."}
      />
      <TranslationOf data={languages} />
      <ArticleEditor initial={state} />
      <LanguagesPanel data={languages} />
    </>
  );
}
