import Link from "next/link";
import type { ArticleSummary } from "@/lib/articles/reads";

export function ArticleList({ articles, showCategory = false }: { articles: ArticleSummary[]; showCategory?: boolean }) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {articles.map((article) => (
        <li key={article.slug}>
          <Link href={`/articles/${article.slug}`} className="group block px-5 py-4 hover:bg-slate-50">
            <span className="font-medium text-slate-900 group-hover:text-brand-700 group-hover:underline">{article.title}</span>
            <span className="mt-1 block text-sm text-slate-600">
              {showCategory && <span className="font-medium text-brand-800">{article.categoryName} · </span>}
              {article.description}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A titled list of articles: popular, related. */
export function ArticleSection({ id, title, articles }: { id: string; title: string; articles: ArticleSummary[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-4 text-xl font-semibold text-slate-900">
        {title}
      </h2>
      <ArticleList articles={articles} showCategory />
    </section>
  );
}
