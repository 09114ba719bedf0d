import { ArticleSection } from "@/components/article/article-list";
import { SearchBox } from "@/components/search/search-box";
import { getPopularArticles } from "@/lib/articles/reads";
import { getSearchIndex } from "@/lib/search/server";
import { siteConfig } from "@/lib/site-config";
import { siteContext } from "@/lib/context";

/** What a 404 shows: a way forward (search, popular articles) rather than a dead end. */
export async function NotFoundContent() {
  const [popular, index] = await Promise.all([getPopularArticles(siteContext(), 5), getSearchIndex()]);
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-14 sm:px-6">
      <header>
        <p className="text-sm font-semibold tracking-wider text-brand-700 uppercase">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">We couldn&apos;t find that page</h1>
        <p className="mt-2 text-lg text-slate-600">The link may be old, or the article may have moved. Search for what you need:</p>
      </header>
      <SearchBox source={index.source} placeholder={siteConfig.searchPlaceholder} size="large" />
      <ArticleSection id="popular" title="Popular articles" articles={popular} />
    </div>
  );
}
