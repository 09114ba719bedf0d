import type { Metadata } from "next";
import Link from "next/link";
import { formatCount, formatDate, formatShare } from "@/components/insights/format";
import { PeriodSwitch } from "@/components/search-insights/period-switch";
import { QueryTable } from "@/components/search-insights/query-table";
import { SearchTotals } from "@/components/search-insights/search-totals";
import { PageHeader } from "@/components/ui/page-header";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { getSearchInsights, parsePeriod } from "@/lib/staff/search-insights";

export const metadata: Metadata = { title: "Searches" };

export default async function SearchesPage({ searchParams }: PageProps<"/staff/searches">) {
  await requirePageActor("editor", "/staff/searches");
  const days = parsePeriod((await searchParams).days);
  const insights = await getSearchInsights(await getStaffContext(), days);

  return (
    <>
      <PageHeader
        title="Searches"
        description={`What customers searched for since ${formatDate(insights.since)}. Queries are stored without who searched, with e-mail addresses and long numbers masked.`}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link href="/staff/search-tuning" className="text-sm font-medium text-brand-700 underline">
              Synonyms and pinned answers
            </Link>
            <PeriodSwitch current={days} basePath="/staff/searches" />
          </div>
        }
      />
      <div className="space-y-6">
        <SearchTotals totals={insights.totals} />
        <QueryTable
          id="top-queries"
          title="Top queries"
          description="The most searched queries, how often they found something and how often a result was opened."
          rows={insights.top}
          empty="Nobody has searched in this period."
          columns={[
            { label: "Searches", numeric: true, cell: (row) => formatCount(row.searches) },
            { label: "With results", numeric: true, cell: (row) => formatShare(row.withResultsShare) },
            { label: "Opened", numeric: true, cell: (row) => formatShare(row.openedShare) },
          ]}
        />
        <QueryTable
          id="no-results"
          title="Queries with no results"
          description="Customers looked for these and the help center had nothing: the articles missing from the library."
          rows={insights.noResults}
          empty="Every search in this period found at least one article."
          tune
          columns={[
            { label: "Searches", numeric: true, cell: (row) => formatCount(row.noResultSearches) },
            { label: "Last searched", cell: (row) => formatDate(row.lastSeen) },
          ]}
        />
        <QueryTable
          id="not-opened"
          title="Results nobody opened"
          description="These found articles, but customers opened none of them: the titles did not look like the answer, or the answer is missing."
          rows={insights.notOpened}
          empty="In this period, every search with results led to an opened article."
          tune
          columns={[
            { label: "Searches", numeric: true, cell: (row) => formatCount(row.withResults) },
            { label: "Nothing opened", numeric: true, cell: (row) => formatCount(row.notOpenedSearches) },
            { label: "Last searched", cell: (row) => formatDate(row.lastSeen) },
          ]}
        />
      </div>
    </>
  );
}
