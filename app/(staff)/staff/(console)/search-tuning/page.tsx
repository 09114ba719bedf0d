import type { Metadata } from "next";
import Link from "next/link";
import { Section } from "@/components/insights/section";
import { PinForm } from "@/components/search-tuning/pin-form";
import { PinList, RuleHistory, SynonymList } from "@/components/search-tuning/rule-lists";
import { SynonymForm } from "@/components/search-tuning/synonym-form";
import { PageHeader } from "@/components/ui/page-header";
import { getStaffContext, requirePageActor } from "@/lib/auth/current";
import { listPinnableArticles, listSearchPins } from "@/lib/search/pins";
import { listSearchRuleHistory } from "@/lib/search/rule-history";
import { listSynonymGroups } from "@/lib/search/synonyms";

export const metadata: Metadata = { title: "Synonyms and pins" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.slice(0, 100) ?? "";

export default async function SearchTuningPage({ searchParams }: PageProps<"/staff/search-tuning">) {
  await requirePageActor("editor", "/staff/search-tuning");
  const params = await searchParams;
  const ctx = await getStaffContext();
  const [groups, pins, articles, history] = await Promise.all([
    listSynonymGroups(ctx),
    listSearchPins(ctx),
    listPinnableArticles(ctx),
    listSearchRuleHistory(ctx),
  ]);

  return (
    <>
      <PageHeader
        title="Synonyms and pins"
        description={
          <>
            Teach search the words customers use, and put the right article first for a query. Changes apply to customers’ next search, in the browser and on
            the server alike. See what customers search for under{" "}
            <Link href="/staff/searches" className="text-brand-700 underline">
              Searches
            </Link>
            .
          </>
        }
      />
      <div className="space-y-6">
        <Section id="synonyms" title="Synonyms" description="Words or phrases that mean the same to your customers.">
          <div className="space-y-4">
            <SynonymForm initial={first(params.synonym)} />
            <SynonymList groups={groups} />
          </div>
        </Section>
        <Section id="pins" title="Pinned answers" description="For a query, the article customers see first, above everything else search finds.">
          <div className="space-y-4">
            <PinForm initial={first(params.pin)} articles={articles} />
            <PinList pins={pins} />
          </div>
        </Section>
        <Section id="history" title="History" description="Who changed synonyms and pins, and when (the latest 50 changes).">
          <RuleHistory rows={history} />
        </Section>
      </div>
    </>
  );
}
