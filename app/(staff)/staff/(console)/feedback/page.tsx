import type { Metadata } from "next";
import { LowestRatedTable, MostViewedTable } from "@/components/insights/article-score-tables";
import { SadComments } from "@/components/insights/sad-comments";
import { Section } from "@/components/insights/section";
import { TrendChart } from "@/components/insights/trend-chart";
import { PageHeader } from "@/components/ui/page-header";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { getWeeklyTrend, TREND_WEEKS } from "@/lib/staff/feedback-insights";
import { lowestRatedArticles, MIN_RATINGS_FOR_RANKING, mostViewedArticles, recentSadComments } from "@/lib/staff/feedback-insights-site";

export const metadata: Metadata = { title: "Feedback" };

export default async function SiteFeedbackPage() {
  await requirePageActor("editor", "/staff/feedback");
  const ctx = await getStaffContext();
  const [lowest, viewed, comments, trend] = await Promise.all([
    lowestRatedArticles(ctx, { limit: 15 }),
    mostViewedArticles(ctx, { limit: 15 }),
    recentSadComments(ctx, { limit: 25 }),
    getWeeklyTrend(ctx),
  ]);

  return (
    <>
      <PageHeader
        title="Feedback"
        description="How readers rate the library, and which articles need work first. Open an article to see its ratings per revision."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Section
          id="lowest-rated"
          title="Lowest-rated articles"
          description={`Only articles with at least ${MIN_RATINGS_FOR_RANKING} ratings are ranked. “Current version” counts ratings since the last edit.`}
        >
          {lowest.length ? (
            <LowestRatedTable rows={lowest} caption="Lowest-rated articles, lowest score first" />
          ) : (
            <p className="text-slate-600">No article has {MIN_RATINGS_FOR_RANKING} ratings yet.</p>
          )}
        </Section>
        <Section id="most-viewed" title="Most viewed, last 30 days">
          {viewed.length ? (
            <MostViewedTable rows={viewed} caption="Most viewed articles in the last 30 days" />
          ) : (
            <p className="text-slate-600">No views recorded in the last 30 days.</p>
          )}
        </Section>
        <Section id="recent-sad" title="Recent Sad comments" description="What readers who chose Sad were looking for, newest first.">
          <SadComments comments={comments} />
        </Section>
        <Section id="trend" title={`All ratings per week, last ${TREND_WEEKS} weeks`}>
          <TrendChart weeks={trend} title={`Ratings per week across all articles, last ${TREND_WEEKS} weeks`} />
        </Section>
      </div>
    </>
  );
}
