import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleEditor } from "@/components/editor/article-editor";
import { ArticleTabs } from "@/components/revisions/article-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { HttpError } from "@/lib/http-error";
import { getEditorState } from "@/lib/articles/editor";
import { articleIdSchema } from "@/lib/articles/schema";

export const metadata: Metadata = { title: "Edit article" };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  await requirePageActor("editor", `/staff/articles/${encodeURIComponent(id)}`);
  const parsed = articleIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  const state = await getEditorState(await getStaffContext(), parsed.data).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  return (
    <>
      <ArticleTabs articleId={state.article.id} current="edit" slug={state.article.slug} live={state.article.published} />
      <PageHeader
        title={state.content.title ? `Edit: ${state.content.title}` : "Edit article"}
        description={state.head ? `Last published by ${state.head.author}.` : "Not published yet: customers cannot see it."}
      />
      <ArticleEditor initial={state} />
    </>
  );
}
