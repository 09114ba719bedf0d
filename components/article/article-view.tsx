import type { ReactNode } from "react";
import { ArticleSection } from "@/components/article/article-list";
import { Breadcrumbs } from "@/components/article/breadcrumbs";
import { TableOfContents } from "@/components/article/table-of-contents";
import { MdxContent } from "@/components/mdx/mdx-content";
import type { ArticleSummary, ArticleView as Article } from "@/lib/articles/reads";
import { renderArticleBody } from "@/lib/articles/rendered";
import { formatLongDate } from "@/lib/format";

/**
 * An article as readers see it: the customer page (app/(site)/articles) and the staff's reading of
 * an internal article (app/(site)/internal-articles) alike. `notice` comes above the title,
 * `footer` between the body and the related articles, `after` below them.
 */
export async function ArticleView({
  article,
  related,
  notice,
  footer,
  after,
}: {
  article: Article;
  related: ArticleSummary[];
  notice?: ReactNode;
  footer?: ReactNode;
  after?: ReactNode;
}) {
  // Compiled once per revision and kept, so the page's own call (for its structured data) is free.
  const { tree, headings, wordCount } = await renderArticleBody(article);
  const minutes = Math.max(1, Math.round(wordCount / 220));
  return (
    <>
      <Breadcrumbs
        items={[{ href: "/", label: "Home" }, { href: `/categories/${article.categorySlug}`, label: article.categoryName }, { label: article.title }]}
      />
      {/* One table of contents: above the text on small screens, beside it (sticky) on large ones. */}
      <article className="mt-6 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-x-12">
        <header className="mb-8 border-b border-slate-200 pb-6 lg:col-start-1">
          {notice}
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{article.title}</h1>
          <p className="mt-3 text-lg text-slate-600">{article.description}</p>
          <p className="mt-4 text-sm text-slate-600">
            Last updated <time dateTime={article.updatedAt.toISOString().slice(0, 10)}>{formatLongDate(article.updatedAt)}</time> · {minutes} min read
          </p>
        </header>
        <TableOfContents
          headings={headings}
          className="mb-8 print:hidden lg:sticky lg:top-6 lg:col-start-2 lg:row-span-3 lg:row-start-1 lg:mb-0 lg:self-start"
        />
        <div className="min-w-0 lg:col-start-1">
          <MdxContent tree={tree} />
        </div>
        <div className="mt-12 space-y-10 print:hidden lg:col-start-1">
          {footer}
          {related.length > 0 && <ArticleSection id="related" title="Related articles" articles={related} />}
          {after}
        </div>
      </article>
    </>
  );
}
