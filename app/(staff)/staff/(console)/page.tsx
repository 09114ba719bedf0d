import type { Metadata } from "next";
import Link from "next/link";
import { LowestRatedTable } from "@/components/insights/article-score-tables";
import { formatCount } from "@/components/insights/format";
import { OverviewStats } from "@/components/insights/overview-stats";
import { SadComments } from "@/components/insights/sad-comments";
import { Section } from "@/components/insights/section";
import { PageHeader } from "@/components/ui/page-header";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { lowestRatedArticles, MIN_RATINGS_FOR_RANKING, recentSadComments } from "@/lib/staff/feedback-insights-site";
import { getStaffOverview } from "@/lib/staff/overview";

export const metadata: Metadata = { title: "Overview" };

const quickLinks = [
  { href: "/staff/articles", label: "Articles", text: "Find an article, edit it and publish." },
  { href: "/staff/feedback", label: "Feedback", text: "Lowest-rated and most-read articles." },
  { href: "/staff/searches", label: "Searches", text: "What customers searched for." },
  { href: "/staff/inbox", label: "Inbox", text: "Contact requests waiting for a reply." },
  { href: "/staff/library", label: "Library", text: "Import and export the content folder." },
  { href: "/", label: "Customer site", text: "See the help center as customers do." },
];

export default async function StaffOverviewPage() {
  const actor = await requirePageActor("editor", "/staff");
  const ctx = await getStaffContext();
  const [overview, lowest, comments] = await Promise.all([getStaffOverview(ctx), lowestRatedArticles(ctx, { limit: 5 }), recentSadComments(ctx, { limit: 5 })]);
  const failed = overview.searchesWithoutResults;

  return (
    <>
      <PageHeader title={`Hello, ${actor.name}`} description="What customers read, rated and searched for in the last 30 days, against the 30 days before." />
      <div className="space-y-6">
        <OverviewStats overview={overview} />
        <div className="grid gap-6 lg:grid-cols-2">
          <Section
            id="lowest-rated"
            title="Articles that need work"
            description={`Lowest score first, among articles with at least ${MIN_RATINGS_FOR_RANKING} ratings.`}
            actions={
              <Link href="/staff/feedback" className="text-sm font-medium text-brand-800 underline">
                All feedback
              </Link>
            }
          >
            {lowest.length ? (
              <LowestRatedTable rows={lowest} caption="Lowest-rated articles" />
            ) : (
              <p className="text-slate-600">No article has {MIN_RATINGS_FOR_RANKING} ratings yet.</p>
            )}
          </Section>
          <Section
            id="recent-sad"
            title="Recent Sad comments"
            actions={
              <Link href="/staff/feedback#recent-sad-heading" className="text-sm font-medium text-brand-800 underline">
                More comments
              </Link>
            }
          >
            <SadComments comments={comments} />
          </Section>
          <Section
            id="failed-searches"
            title="Searches with no results"
            description={`${formatCount(failed.count)} in the last 30 days. Each is a question the library does not answer yet.`}
            actions={
              <Link href="/staff/searches" className="text-sm font-medium text-brand-800 underline">
                All searches
              </Link>
            }
          >
            {failed.topQueries.length ? (
              <ol className="divide-y divide-slate-100">
                {failed.topQueries.map((row) => (
                  <li key={row.query} className="flex justify-between gap-4 py-2">
                    <span className="break-all text-slate-900">“{row.query}”</span>
                    <span className="whitespace-nowrap text-slate-600 tabular-nums">{formatCount(row.count)}×</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-slate-600">Every search found something.</p>
            )}
          </Section>
          <Section id="quick-links" title="Quick links">
            <ul className="grid gap-3 sm:grid-cols-2">
              {quickLinks.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="block rounded-lg border border-slate-200 p-3 hover:border-brand-600 hover:bg-slate-50">
                    <span className="font-semibold text-brand-800">{link.label}</span>
                    <span className="block text-sm text-slate-600">{link.text}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </Section>
        </div>
      </div>
    </>
  );
}
