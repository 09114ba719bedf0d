import type { ReactNode } from "react";
import { ArticleSection } from "@/components/article/article-list";
import { Breadcrumbs } from "@/components/article/breadcrumbs";
import { TableOfContents } from "@/components/article/table-of-contents";
import { MdxContent } from "@/components/mdx/mdx-content";
import type { ArticleSummary, ArticleView as Article } from "@/lib/articles/reads";
import { renderArticleBody } from "@/lib/articles/rendered";

const dateFormat = new Intl.DateTimeFormat("en-AU", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * An article as readers see it: the customer page (app/(site)/articles) and the staff's reading of
 * an internal article (app/(site)/internal-articles) alike. `notice` comes above the title,
 * `footer` between the body and the related articles.
 */
export async function ArticleView({ article, related, notice, footer, after }: { article: Article; related: ArticleSummary[]; notice?: ReactNode; footer?: ReactNode; after?: ReactNode }) {
  const { tree, headings, wordCount } = await renderArticleBody(article);
  const minutes = Math.max(1, Math.round(wordCount / 220));
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Breadcrumbs
        items={[
          { href: "/", label: "Home" },
          { href: `/categories/${article.categorySlug}`, label: article.categoryName },
          { label: article.title },
        ]}
      />
      <div className="mt-6 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-12">
        <article className="min-w-0">
          {notice}
          <header className="mb-8 border-b border-slate-200 pb-6">
            <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{article.title}</h1>
            <p className="mt-3 text-lg text-slate-600">{article.description}</p>
            <p className="mt-4 text-sm text-slate-600">
              Last updated <time dateTime={article.updatedAt.toISOString().slice(0, 10)}>{dateFormat.format(article.updatedAt)}</time> ·{" "}
              {minutes} min read
            </p>
          </header>
          <div className="mb-8 lg:hidden">
            <TableOfContents headings={headings} />
          </div>
          <MdxContent tree={tree} />
          <div className="mt-12 space-y-10">
            {footer}
            {related.length > 0 && <ArticleSection id="related" title="Related articles" articles={related} />}
            {after}
          </div>
        </article>
        <aside className="hidden lg:block">
          <div className="sticky top-6">
            <TableOfContents headings={headings} />
          </div>
        </aside>
      </div>
    </div>
  );
}
