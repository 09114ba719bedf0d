import type { Metadata } from "next";
import { z } from "zod";
import { Section } from "@/components/insights/section";
import { ArticleTabs } from "@/components/revisions/article-tabs";
import { DiffView } from "@/components/revisions/diff-view";
import { orNotFound, parseArticleId } from "@/components/revisions/load";
import { RestorePanel } from "@/components/revisions/restore-panel";
import { RevisionTable } from "@/components/revisions/revision-table";
import { PageHeader } from "@/components/ui/page-header";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { HttpError } from "@/lib/http-error";
import { diffRevisions, listRevisions } from "@/lib/articles/revisions";
import { listTranslations } from "@/lib/articles/translations";
import { localePath } from "@/lib/i18n/locales";
import { formatCount } from "@/lib/format";

export const metadata: Metadata = { title: "Article history" };

const optionalId = z
  .string()
  .max(64)
  .regex(/^[\w-]+$/)
  .optional()
  .catch(undefined);
const searchSchema = z.object({ from: optionalId, to: optionalId, restore: optionalId, restored: optionalId });

export default async function ArticleHistoryPage({ params, searchParams }: PageProps<"/staff/articles/[id]/history">) {
  const { id: rawId } = await params;
  await requirePageActor("editor", `/staff/articles/${encodeURIComponent(rawId)}/history`);
  const ctx = await getStaffContext();
  const articleId = parseArticleId(rawId);
  const query = searchSchema.parse(await searchParams);
  const [history, languages] = await orNotFound(Promise.all([listRevisions(ctx, articleId), listTranslations(ctx, articleId)]));
  const sitePath = localePath(languages.article.locale, `/articles/${history.article.slug}`);
  const { article, revisions } = history;
  const basePath = `/staff/articles/${article.id}/history`;
  const current = revisions.find((revision) => revision.isPublished) ?? revisions[0];

  // Comparing: a wrong or foreign id is a message on the page, not a broken page.
  let comparison = null;
  let comparisonError = null;
  if (query.from && query.to) {
    try {
      comparison = await diffRevisions(ctx, { articleId, from: query.from, to: query.to });
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 404) throw error;
      comparisonError = "One of the chosen versions is not in this article’s history. Choose two from the list below.";
    }
  }
  const toRestore = query.restore ? revisions.find((revision) => revision.id === query.restore) : undefined;
  const restoreChanges =
    toRestore && current && current.id !== toRestore.id ? await diffRevisions(ctx, { articleId, from: current.id, to: toRestore.id }) : null;
  const restored = query.restored ? revisions.find((revision) => revision.id === query.restored) : undefined;

  return (
    <>
      <ArticleTabs articleId={article.id} current="history" slug={article.slug} live={article.published} locale={languages.article.locale} />
      <PageHeader
        title={`History: ${article.title}`}
        description={`${formatCount(history.total)} ${history.total === 1 ? "version" : "versions"}, newest first${history.total > revisions.length ? ` (the newest ${revisions.length} are listed)` : ""}. Every publish and every restore adds one; none is ever removed.`}
      />
      <div className="space-y-6">
        {restored && (
          <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900">
            Restored. {restored.note}.{" "}
            {article.published && (
              <a href={sitePath} className="font-medium underline">
                See it on the site
              </a>
            )}
          </p>
        )}
        {query.restore && !toRestore && (
          <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-red-800">
            That version is not in this article’s history.
          </p>
        )}
        {toRestore && <RestorePanel history={history} revision={toRestore} changes={restoreChanges} basePath={basePath} />}
        {comparisonError && (
          <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-red-800">
            {comparisonError}
          </p>
        )}
        {comparison && (
          <section aria-labelledby="comparison" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
            <DiffView diff={comparison} />
          </section>
        )}
        <Section id="revisions" title="All versions">
          <RevisionTable history={history} basePath={basePath} from={query.from ?? revisions[1]?.id} to={query.to ?? revisions[0]?.id} />
        </Section>
      </div>
    </>
  );
}
