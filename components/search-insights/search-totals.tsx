import type { SearchInsights } from "@/lib/staff/search-insights";
import { cardClass } from "@/components/ui/styles";
import { formatCount, formatShare } from "@/components/insights/format";

export function SearchTotals({ totals }: { totals: SearchInsights["totals"] }) {
  const figures = [
    { label: "Searches", value: formatCount(totals.searches), note: "finished searches, not keystrokes" },
    { label: "Found nothing", value: formatShare(totals.noResultShare), note: `${formatCount(totals.noResults)} searches without a result` },
    { label: "Opened a result", value: formatShare(totals.openedShare), note: `${formatCount(totals.opened)} searches led to an article` },
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      {figures.map((figure) => (
        <div key={figure.label} className={`${cardClass} px-5 py-4`}>
          <dt className="text-sm font-medium text-slate-600">{figure.label}</dt>
          <dd className="mt-1 text-3xl font-bold tracking-tight text-slate-900">{figure.value}</dd>
          <dd className="mt-1 text-sm text-slate-600">{figure.note}</dd>
        </div>
      ))}
    </dl>
  );
}
