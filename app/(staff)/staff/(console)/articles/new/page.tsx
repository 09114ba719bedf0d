import type { Metadata } from "next";
import { NewArticleForm } from "@/components/staff-articles/new-article-form";
import { PageHeader } from "@/components/ui/page-header";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { listCategoryOptions } from "@/lib/articles/editor";

export const metadata: Metadata = { title: "New article" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Search insights link here with ?title=<what customers searched for>.
export default async function NewArticlePage({ searchParams }: Props) {
  await requirePageActor("editor", "/staff/articles/new");
  const raw = (await searchParams).title;
  const title = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 120) ?? "";
  const categories = await listCategoryOptions(await getStaffContext());
  return (
    <>
      <PageHeader title="New article" description="Customers see nothing until you publish it." />
      <NewArticleForm categories={categories} defaultTitle={title} />
    </>
  );
}
