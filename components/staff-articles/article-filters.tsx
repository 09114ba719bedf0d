import Link from "next/link";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import type { ArticleListQuery } from "@/lib/articles/schema";
import { LANGUAGES } from "@/lib/i18n/locales";

const statusLabels = { draft: "Draft", published: "Published", archived: "Archived", deleted: "Deleted" } as const;
const sortLabels = { updated: "Last update", score: "Satisfaction score", views: "Views (30 days)" } as const;

/** A plain GET form: the URL holds the filters, so a view can be shared and works without JavaScript. */
export function ArticleFilters({ query, categories }: { query: ArticleListQuery; categories: { slug: string; name: string }[] }) {
  return (
    <form
      method="get"
      action="/staff/articles"
      aria-label="Filter and sort articles"
      className="mb-6 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <div className="min-w-40 flex-1">
        <label htmlFor="filter-category" className={labelClass}>
          Category
        </label>
        <select id="filter-category" name="category" defaultValue={query.category ?? ""} className={inputClass(false, "mt-1")}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-36 flex-1">
        <label htmlFor="filter-status" className={labelClass}>
          Status
        </label>
        <select id="filter-status" name="status" defaultValue={query.status ?? ""} className={inputClass(false, "mt-1")}>
          <option value="">All but deleted</option>
          {Object.entries(statusLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-36 flex-1">
        <label htmlFor="filter-audience" className={labelClass}>
          Audience
        </label>
        <select id="filter-audience" name="audience" defaultValue={query.audience ?? ""} className={inputClass(false, "mt-1")}>
          <option value="">Everyone and staff only</option>
          <option value="public">Public</option>
          <option value="internal">Internal (staff only)</option>
        </select>
      </div>
      <div className="min-w-36 flex-1">
        <label htmlFor="filter-locale" className={labelClass}>
          Language
        </label>
        <select id="filter-locale" name="locale" defaultValue={query.locale ?? ""} className={inputClass(false, "mt-1")}>
          <option value="">All languages</option>
          {LANGUAGES.map((language) => (
            <option key={language.code} value={language.code}>
              {language.name}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-40 flex-1">
        <label htmlFor="filter-sort" className={labelClass}>
          Sort by
        </label>
        <select id="filter-sort" name="sort" defaultValue={query.sort} className={inputClass(false, "mt-1")}>
          {Object.entries(sortLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-36 flex-1">
        <label htmlFor="filter-order" className={labelClass}>
          Order
        </label>
        <select id="filter-order" name="order" defaultValue={query.order} className={inputClass(false, "mt-1")}>
          <option value="desc">Highest / newest first</option>
          <option value="asc">Lowest / oldest first</option>
        </select>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        <Link href="/staff/articles" className={buttonClass("ghost")}>
          Reset
        </Link>
      </div>
    </form>
  );
}
