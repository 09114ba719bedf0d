import type { Metadata } from "next";
import { RatingSummaryCards } from "@/components/insights/rating-summary";
import { formatCount, plural } from "@/components/insights/format";
import { RevisionScores } from "@/components/insights/revision-scores";
import { SadComments } from "@/components/insights/sad-comments";
import { Section } from "@/components/insights/section";
import { TrendChart } from "@/components/insights/trend-chart";
import { ArticleTabs } from "@/components/revisions/article-tabs";
import { orNotFound, parseArticleId } from "@/components/revisions/load";
import { LanguageScores } from "@/components/translations/language-scores";
import { PageHeader } from "@/components/ui/page-header";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { listTranslations } from "@/lib/articles/translations";
import { getArticleFeedbackInsights, SAD_COMMENT_LIMIT, TREND_WEEKS } from "@/lib/staff/feedback-insights";

export const metadata: Metadata = { title: "Article feedback" };

export default async function ArticleFeedbackPage({ params }: PageProps<"/staff/articles/[id]/feedback">) {
  const { id: rawId } = await params;
  await requirePageActor("editor", `/staff/articles/${encodeURIComponent(rawId)}/feedback`);
  const ctx = await getStaffContext();
  const articleId = parseArticleId(rawId);
  const [insights, languages] = await orNotFound(Promise.all([getArticleFeedbackInsights(ctx, articleId), listTranslations(ctx, articleId)]));
  const translated = languages.languages.filter((entry) => entry.state !== "missing").length > 1;
  const { article } = insights;
  const live = article.status === "published" && !article.deleted;

  return (
    <>
      <ArticleTabs articleId={article.id} current="feedback" slug={article.slug} live={live} locale={languages.article.locale} />
      <PageHeader
        title={`Feedback: ${article.title}`}
        description={`All ratings since the article was created · ${formatCount(insights.viewsLast30Days)} views in the last 30 days`}
      />
      <div className="space-y-6">
        <RatingSummaryCards summary={insights} label="All ratings of this article" />
        <Section
          id="languages"
          title="Score per language"
          description={
            translated
              ? "The same article in each language, side by side. Each translation is rated by its own readers."
              : "Not translated yet: start a translation from the Languages panel in the editor."
          }
        >
          <LanguageScores data={languages} />
        </Section>
        <Section
          id="revisions"
          title="Score per revision"
          description="Each vote belongs to the version the reader saw. Did the edit help? Compare each version with the last one that was rated."
        >
          <RevisionScores revisions={insights.revisions} />
          {insights.ratingsWithoutRevision > 0 && (
            <p className="mt-3 text-sm text-slate-600">
              {plural(insights.ratingsWithoutRevision, "rating")} belong to versions no longer kept: they count in the totals above only.
            </p>
          )}
        </Section>
        <Section id="trend" title={`Ratings per week, last ${TREND_WEEKS} weeks`}>
          <TrendChart weeks={insights.trend} title={`Ratings per week for “${article.title}”, last ${TREND_WEEKS} weeks`} />
        </Section>
        <Section
          id="sad-comments"
          title="What Sad readers were looking for"
          description={
            insights.sadCommentCount > insights.sadComments.length
              ? `The newest ${insights.sadComments.length} of ${insights.sadCommentCount} comments.`
              : `${plural(insights.sadCommentCount, "comment")}, newest first. Up to ${SAD_COMMENT_LIMIT} are shown.`
          }
        >
          <SadComments comments={insights.sadComments} />
        </Section>
      </div>
    </>
  );
}
