import type { Metadata } from "next";
import Link from "next/link";
import { ArticleFilters } from "@/components/staff-articles/article-filters";
import { ArticleTable } from "@/components/staff-articles/article-table";
import { Pagination } from "@/components/ui/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass, cardClass } from "@/components/ui/styles";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { listCategoryOptions } from "@/lib/articles/editor";
import { listStaffArticles } from "@/lib/articles/list";
import { type ArticleListQuery, articleListQuerySchema } from "@/lib/articles/schema";

export const metadata: Metadata = { title: "Articles" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffArticlesPage({ searchParams }: Props) {
  await requirePageActor("editor", "/staff/articles");
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const query = articleListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, first(value)])));
  const ctx = await getStaffContext();
  const [list, categories] = await Promise.all([listStaffArticles(ctx, query), listCategoryOptions(ctx)]);
  const filtered = Boolean(query.category || query.status || query.audience || query.locale);

  return (
    <>
      <PageHeader
        title="Articles"
        description="Every article, how readers rated it and how often it was read."
        actions={
          <Link href="/staff/articles/new" className={buttonClass("primary")}>
            New article
          </Link>
        }
      />
      <ArticleFilters query={query} categories={categories} />
      <p className="mb-3 text-sm text-slate-600" role="status">
        {list.total === 1 ? "1 article" : `${list.total} articles`}
        {list.pageCount > 1 && ` · page ${list.page} of ${list.pageCount}`}
      </p>
      {list.rows.length > 0 ? (
        <ArticleTable rows={list.rows} />
      ) : (
        <div className={`${cardClass} px-6 py-12 text-center`}>
          <h2 className="text-lg font-semibold text-slate-900">{filtered ? "No articles match these filters" : "No articles yet"}</h2>
          <p className="mt-2 text-slate-600">
            {filtered ? "Try another category, status, audience or language, or reset the filters." : "Write the first answer your customers will find."}
          </p>
          <div className="mt-5 flex justify-center gap-2">
            {filtered && (
              <Link href="/staff/articles" className={buttonClass("secondary")}>
                Reset filters
              </Link>
            )}
            <Link href="/staff/articles/new" className={buttonClass("primary")}>
              New article
            </Link>
          </div>
        </div>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(page) => articleListHref(query, page)} />
    </>
  );
}

function articleListHref(query: ArticleListQuery, page: number) {
  const params = new URLSearchParams();
  if (query.category) params.set("category", query.category);
  if (query.status) params.set("status", query.status);
  if (query.audience) params.set("audience", query.audience);
  if (query.locale) params.set("locale", query.locale);
  params.set("sort", query.sort);
  params.set("order", query.order);
  if (page > 1) params.set("page", String(page));
  return `/staff/articles?${params}`;
}
