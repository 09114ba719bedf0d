"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export interface StaffNavItem {
  href: string;
  label: string;
  badge?: number;
}

export function StaffNav({ items }: { items: StaffNavItem[] }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/staff" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Staff" className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 px-1 text-sm">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent(item.href) ? "page" : undefined}
              className="flex items-center gap-1.5 rounded-lg px-3 py-2 font-medium whitespace-nowrap text-slate-300 hover:bg-slate-800 hover:text-white aria-[current=page]:bg-slate-800 aria-[current=page]:text-white"
            >
              {item.label}
              {item.badge ? (
                <span className="rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-slate-900" aria-label={`${item.badge} open`}>
                  {item.badge}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
