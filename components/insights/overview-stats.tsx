import Link from "next/link";
import type { ReactNode } from "react";
import { cardClass } from "@/components/ui/styles";
import type { StaffOverview } from "@/lib/staff/overview";
import { formatCount, plural } from "./format";
import { ScoreChange, ScoreValue } from "./score-change";

function Stat({ label, value, detail, href }: { label: string; value: ReactNode; detail: ReactNode; href?: string }) {
  const body = (
    <>
      <span className="block text-sm font-medium text-slate-600">{label}</span>
      <span className="mt-1 block text-3xl font-bold text-slate-900">{value}</span>
      <span className="mt-1 block text-sm text-slate-700">{detail}</span>
    </>
  );
  return (
    <li className={`${cardClass} ${href ? "" : "p-4"}`}>
      {href ? (
        <Link href={href} className="block h-full rounded-xl p-4 hover:bg-slate-50">
          {body}
        </Link>
      ) : (
        body
      )}
    </li>
  );
}

function difference(now: number, before: number): string {
  if (now === before) return "same as the 30 days before";
  return `${now > before ? "up" : "down"} from ${formatCount(before)} the 30 days before`;
}

/** The four headline numbers of the staff overview. */
export function OverviewStats({ overview }: { overview: StaffOverview }) {
  const { recent, before } = overview;
  return (
    <ul aria-label="Last 30 days" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Stat
        label="Score, last 30 days"
        value={<ScoreValue score={recent.score} />}
        detail={
          overview.scoreChange === null ? (
            before.score === null ? (
              "no ratings the 30 days before"
            ) : (
              "no ratings yet"
            )
          ) : (
            <ScoreChange change={overview.scoreChange} suffix={`from ${before.score} the 30 days before`} />
          )
        }
        href="/staff/feedback"
      />
      <Stat
        label="Ratings, last 30 days"
        value={formatCount(recent.total)}
        detail={
          <>
            {recent.counts.happy} Happy · {recent.counts.normal} Normal · {recent.counts.sad} Sad
            <span className="block text-slate-600">{difference(recent.total, before.total)}</span>
          </>
        }
        href="/staff/feedback"
      />
      <Stat
        label="Open contact requests"
        value={formatCount(overview.openContactRequests)}
        detail={overview.openContactRequests ? "waiting in the inbox" : "the inbox is empty"}
        href="/staff/inbox"
      />
      <Stat
        label="Searches with no results"
        value={formatCount(overview.searchesWithoutResults.count)}
        detail={`in the last 30 days · ${plural(overview.views.recent, "article view")}`}
        href="/staff/searches"
      />
    </ul>
  );
}
