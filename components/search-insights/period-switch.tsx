import Link from "next/link";
import { INSIGHT_PERIODS, type InsightPeriod } from "@/lib/staff/search-insights";

/** Plain links (?days=…): the period is in the address, so a view can be shared and reloaded. */
export function PeriodSwitch({ current, basePath }: { current: InsightPeriod; basePath: string }) {
  return (
    <nav aria-label="Period">
      <ul className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 text-sm">
        {INSIGHT_PERIODS.map((days) => (
          <li key={days}>
            <Link
              href={`${basePath}?days=${days}`}
              aria-current={days === current ? "page" : undefined}
              className="block rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            >
              Last {days} days
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
