import Link from "next/link";
import { INBOX_FILTERS, type InboxFilter } from "@/lib/staff/inbox";
import { formatCount } from "@/lib/format";

const labels: Record<InboxFilter, string> = { open: "Open", handled: "Handled", spam: "Spam", all: "All" };

export function InboxFilterLinks({ current, counts }: { current: InboxFilter; counts: Record<InboxFilter, number> }) {
  return (
    <nav aria-label="Show requests">
      <ul className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 text-sm">
        {INBOX_FILTERS.map((filter) => (
          <li key={filter}>
            <Link
              href={`/staff/inbox?show=${filter}`}
              aria-current={filter === current ? "page" : undefined}
              className="block rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            >
              {labels[filter]} <span className="tabular-nums">({formatCount(counts[filter])})</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
