import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article/article-list";
import { Breadcrumbs } from "@/components/article/breadcrumbs";
import { StillNeedHelp } from "@/components/article/still-need-help";
import { JsonLd } from "@/components/seo/json-ld";
import { getCategory, listArticlesInCategory } from "@/lib/articles/reads";
import { slugSchema } from "@/lib/articles/slugs";
import { siteContext } from "@/lib/context";
import { pageMetadata } from "@/lib/seo/metadata";
import { breadcrumbJsonLd } from "@/lib/seo/structured-data";
import { siteOrigin } from "@/lib/site-url";

// As for articles: refreshed at once on publish, and at most a minute behind otherwise.
export const revalidate = 60;

// Rendered on first visit, then cached: nothing is read from the database at build time.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

async function load(params: Props["params"]) {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const category = await getCategory(siteContext(), slug.data);
  if (!category) notFound();
  return category;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await load(params);
  return pageMetadata({ title: category.name, description: category.description, path: `/categories/${category.slug}` });
}

export default async function CategoryPage({ params }: Props) {
  const category = await load(params);
  const articles = await listArticlesInCategory(siteContext(), category.slug);
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-10 sm:px-6">
      <JsonLd
        data={breadcrumbJsonLd(
          [
            { name: "Home", path: "/" },
            { name: category.name, path: `/categories/${category.slug}` },
          ],
          siteOrigin(),
        )}
      />
      <Breadcrumbs items={[{ href: "/", label: "Home" }, { label: category.name }]} />
      <header>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{category.name}</h1>
        <p className="mt-2 text-lg text-slate-600">{category.description}</p>
      </header>
      {articles.length > 0 ? (
        <ArticleList articles={articles} />
      ) : (
        <p className="rounded-xl border border-slate-200 bg-white px-5 py-4 text-slate-700">No articles here yet.</p>
      )}
      <StillNeedHelp />
    </div>
  );
}
