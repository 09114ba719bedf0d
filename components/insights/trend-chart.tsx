import { useId } from "react";
import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import type { TrendWeek } from "@/lib/staff/feedback-insights";
import { RATINGS } from "@/lib/feedback/score";
import { formatDate, formatDayMonth } from "./format";
import { RATING_FILLS, RATING_NAMES, RATING_SWATCH } from "./rating-colors";
import { ScoreValue } from "./score-change";
import { ScrollArea } from "./scroll-area";

// Drawn in a fixed coordinate space and scaled to the container; text stays readable on a phone.
const WIDTH = 520;
const HEIGHT = 260;
const PAD = { top: 12, right: 8, bottom: 52, left: 44 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** A step of 1, 2, 5, 10, 20, 50 … that gives at most five grid lines. */
function tickStep(max: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [1, 2, 5]) if (max / (step * magnitude) <= 5) return step * magnitude;
  }
}

/** Stacked weekly bars of Happy / Normal / Sad, with a legend and the same numbers as a table. */
export function TrendChart({ weeks, title }: { weeks: TrendWeek[]; title: string }) {
  const id = useId();
  const highest = Math.max(1, ...weeks.map((week) => week.total));
  const step = tickStep(highest);
  const top = Math.ceil(highest / step) * step;
  const y = (value: number) => PAD.top + PLOT_H - (value / top) * PLOT_H;
  const slot = PLOT_W / Math.max(1, weeks.length);
  const barWidth = slot * 0.64;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const total = weeks.reduce((sum, week) => sum + week.total, 0);
  const first = weeks[0];
  const last = weeks.at(-1);
  const description =
    first && last
      ? `Ratings per week from the week of ${formatDate(first.weekStart)} to the week of ${formatDate(last.weekStart)}: ${total} in all. The table "Weekly numbers" below holds the same figures.`
      : "No weeks to show.";

  return (
    <figure className="space-y-3">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label="Legend">
        {RATINGS.map((rating) => (
          <li key={rating} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`size-3 rounded-sm ${RATING_SWATCH[rating]}`} />
            {RATING_NAMES[rating]}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-2xl" fontSize="13">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className={tick === 0 ? "stroke-slate-600" : "stroke-slate-200"} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="fill-slate-600">
              {tick}
            </text>
          </g>
        ))}
        {weeks.map((week, i) => {
          const x = PAD.left + i * slot + (slot - barWidth) / 2;
          let base = 0;
          return (
            <g key={week.weekStart.toISOString()}>
              {RATINGS.map((rating) => {
                const count = week.counts[rating];
                if (!count) return null;
                const rect = (
                  <rect key={rating} x={x} y={y(base + count)} width={barWidth} height={y(base) - y(base + count)} fill={RATING_FILLS[rating]}>
                    <title>{`Week of ${formatDayMonth(week.weekStart)}: ${count} ${RATING_NAMES[rating]}`}</title>
                  </rect>
                );
                base += count;
                return rect;
              })}
              {i % 2 === weeks.length % 2 ? null : (
                <text x={x + barWidth / 2} y={HEIGHT - PAD.bottom + 18} textAnchor="middle" className="fill-slate-600">
                  {formatDayMonth(week.weekStart)}
                </text>
              )}
            </g>
          );
        })}
        <text x={PAD.left + PLOT_W / 2} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-700" fontWeight="600">
          Week starting (Monday, UTC)
        </text>
        <text transform={`translate(14 ${PAD.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle" className="fill-slate-700" fontWeight="600">
          Ratings
        </text>
      </svg>
      <details className="rounded-lg border border-slate-200 bg-white">
        <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-800">Weekly numbers as a table</summary>
        <div className="px-2 pb-2">
          <ScrollArea label="Weekly numbers">
            <table className={tableClass}>
              <caption className="sr-only">Weekly numbers</caption>
              <thead>
                <tr>
                  <th scope="col" className={thClass}>
                    Week starting
                  </th>
                  {RATINGS.map((rating) => (
                    <th key={rating} scope="col" className={`${thClass} text-right`}>
                      {RATING_NAMES[rating]}
                    </th>
                  ))}
                  <th scope="col" className={`${thClass} text-right`}>
                    Score
                  </th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((week) => (
                  <tr key={week.weekStart.toISOString()}>
                    <th scope="row" className={`${tdClass} font-normal`}>
                      {formatDate(week.weekStart)}
                    </th>
                    {RATINGS.map((rating) => (
                      <td key={rating} className={`${tdClass} text-right tabular-nums`}>
                        {week.counts[rating]}
                      </td>
                    ))}
                    <td className={`${tdClass} text-right`}>
                      <ScoreValue score={week.score} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </div>
      </details>
      <figcaption className="text-sm text-slate-600">A changed vote counts once, in the week it was last changed, with its current rating.</figcaption>
    </figure>
  );
}
