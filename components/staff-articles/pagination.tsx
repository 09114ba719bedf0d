import Link from "next/link";
import { buttonClass } from "@/components/ui/styles";
import type { ArticleListQuery } from "@/lib/articles/schema";

function hrefFor(query: ArticleListQuery, page: number) {
  const params = new URLSearchParams();
  if (query.category) params.set("category", query.category);
  if (query.status) params.set("status", query.status);
  params.set("sort", query.sort);
  params.set("order", query.order);
  if (page > 1) params.set("page", String(page));
  return `/staff/articles?${params}`;
}

export function Pagination({ query, page, pageCount }: { query: ArticleListQuery; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3">
      {page > 1 ? <Link href={hrefFor(query, page - 1)} className={buttonClass("secondary")}>Previous page</Link> : <span />}
      <span className="text-sm text-slate-600">Page {page} of {pageCount}</span>
      {page < pageCount ? <Link href={hrefFor(query, page + 1)} className={buttonClass("secondary")}>Next page</Link> : <span />}
    </nav>
  );
}
