import { cardClass } from "@/components/ui/styles";
import { RATINGS } from "@/lib/feedback/score";
import type { RatingSummary } from "@/lib/staff/feedback-insights";
import { formatCount, plural } from "./format";
import { RATING_NAMES, RATING_SWATCH } from "./rating-colors";
import { ScoreValue } from "./score-change";

/** The score and the Happy / Normal / Sad counts with their shares, as four cards. */
export function RatingSummaryCards({ summary, label = "Ratings" }: { summary: RatingSummary; label?: string }) {
  return (
    <section aria-label={label} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <div className={`${cardClass} p-4`}>
        <p className="text-sm font-medium text-slate-600">Score (0–100)</p>
        <p className="mt-1 text-3xl font-bold text-slate-900">
          <ScoreValue score={summary.score} />
        </p>
        <p className="mt-1 text-sm text-slate-600">from {plural(summary.total, "rating")}</p>
      </div>
      {RATINGS.map((rating) => (
        <div key={rating} className={`${cardClass} p-4`}>
          <p className="flex items-center gap-2 text-sm font-medium text-slate-600">
            <span aria-hidden="true" className={`size-3 rounded-sm ${RATING_SWATCH[rating]}`} />
            {RATING_NAMES[rating]}
          </p>
          <p className="mt-1 text-3xl font-bold text-slate-900 tabular-nums">{formatCount(summary.counts[rating])}</p>
          <p className="mt-1 text-sm text-slate-600">{summary.shares[rating]}% of ratings</p>
        </div>
      ))}
    </section>
  );
}

/** A thin stacked bar of the three shares, with the numbers in text beside it. */
export function ShareBar({ summary }: { summary: RatingSummary }) {
  if (summary.total === 0) return <span className="text-slate-600">No ratings</span>;
  return (
    <span className="flex min-w-32 flex-col gap-1">
      <span aria-hidden="true" className="flex h-2 w-full overflow-hidden rounded-full bg-slate-100">
        {RATINGS.map((rating) => (
          <span key={rating} className={RATING_SWATCH[rating]} style={{ width: `${(100 * summary.counts[rating]) / summary.total}%` }} />
        ))}
      </span>
      <span className="text-xs text-slate-700 tabular-nums">{RATINGS.map((rating) => `${summary.counts[rating]} ${RATING_NAMES[rating]}`).join(" · ")}</span>
    </span>
  );
}
