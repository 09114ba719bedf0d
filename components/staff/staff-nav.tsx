"use client";
// The staff header's navigation. From md up, every item shows, wrapping onto a second line when
// the window is narrow. On a phone, a Menu button (with the inbox count on it) opens the items in a
// list, one per line, with the account links and the theme switch: none hides behind a sideways scroll.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";
import { ThemeSwitch } from "../theme/theme-switch";

export interface StaffNavItem {
  href: string;
  label: string;
  badge?: number;
}

const chromeColours = "text-chrome-muted hover:bg-chrome-raised hover:text-chrome-fg";

export function StaffNav({ items, brand, account }: { items: StaffNavItem[]; brand: ReactNode; account: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const isCurrent = (href: string) => (href === "/staff" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  const waiting = items.reduce((sum, item) => sum + (item.badge ?? 0), 0);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    menuButton.current?.focus();
  }

  return (
    <div className="mx-auto max-w-7xl px-4 sm:px-6" onKeyDown={closeOnEscape}>
      <div className="flex items-center justify-between gap-3 py-3 md:pb-1">
        {brand}
        <button
          ref={menuButton}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
          className={`flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium md:hidden ${chromeColours}`}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
            <path
              d={
                open
                  ? "M5.3 4.2a.75.75 0 0 0-1.1 1.1L8.9 10l-4.7 4.7a.75.75 0 1 0 1.1 1.1l4.7-4.7 4.7 4.7a.75.75 0 1 0 1.1-1.1L11.1 10l4.7-4.7a.75.75 0 0 0-1.1-1.1L10 8.9 5.3 4.2Z"
                  : "M3 5.75A.75.75 0 0 1 3.75 5h12.5a.75.75 0 0 1 0 1.5H3.75A.75.75 0 0 1 3 5.75Zm0 4.25a.75.75 0 0 1 .75-.75h12.5a.75.75 0 0 1 0 1.5H3.75A.75.75 0 0 1 3 10Zm.75 3.5a.75.75 0 0 0 0 1.5h12.5a.75.75 0 0 0 0-1.5H3.75Z"
              }
            />
          </svg>
          Menu
          {waiting > 0 && <Badge count={waiting} />}
        </button>
      </div>
      <div
        id={panelId}
        className={`${open ? "flex" : "hidden"} flex-col gap-3 pb-4 md:flex md:flex-row md:flex-wrap md:items-center md:justify-between md:gap-x-6 md:pb-2`}
      >
        <nav aria-label="Staff">
          <ul className="flex flex-col gap-1 text-sm md:flex-row md:flex-wrap">
            {items.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={isCurrent(item.href) ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className="flex items-center gap-1.5 rounded-lg px-3 py-2 font-medium whitespace-nowrap text-chrome-muted hover:bg-chrome-raised hover:text-chrome-fg aria-[current=page]:bg-chrome-raised aria-[current=page]:text-chrome-fg"
                >
                  {item.label}
                  {item.badge ? <Badge count={item.badge} /> : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex items-center gap-3 border-t border-chrome-raised pt-3 md:border-0 md:pt-0">
          {account}
          <ThemeSwitch className={chromeColours} />
        </div>
      </div>
    </div>
  );
}

function Badge({ count }: { count: number }) {
  return (
    <span className="rounded-full bg-chrome-fg px-1.5 text-xs font-semibold text-chrome">
      {count}
      <span className="sr-only"> open</span>
    </span>
  );
}
