import Link from "next/link";
import type { ReactNode } from "react";
import type { Actor } from "@/lib/auth/roles";
import { siteConfig } from "@/lib/site-config";
import { SignOutButton } from "../auth/sign-out-button";
import { NavigationProgress } from "./navigation-progress";
import { StaffNav, type StaffNavItem } from "./staff-nav";
import { SkipLink } from "../ui/skip-link";
import { BrandMark } from "../brand/brand-mark";

/** Header, navigation and main landmark of every signed-in staff page. */
export function StaffShell({ actor, openRequests, children }: { actor: Actor; openRequests: number; children: ReactNode }) {
  const items: StaffNavItem[] = [
    { href: "/staff", label: "Overview" },
    { href: "/staff/articles", label: "Articles" },
    { href: "/staff/feedback", label: "Feedback" },
    { href: "/staff/searches", label: "Searches" },
    { href: "/staff/search-tuning", label: "Synonyms & pins" },
    { href: "/staff/backlog", label: "Backlog" },
    { href: "/staff/inbox", label: "Inbox", badge: openRequests },
    { href: "/staff/library", label: "Library" },
    ...(actor.role === "admin" ? [{ href: "/staff/users", label: "Users" }] : []),
  ];
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <NavigationProgress />
      <header className="bg-chrome text-chrome-fg">
        <SkipLink />
        <StaffNav
          items={items}
          brand={
            <Link href="/staff" className="flex items-center gap-2.5 rounded font-semibold whitespace-nowrap">
              <BrandMark />
              <span>
                {siteConfig.name} <span className="font-normal text-chrome-muted">staff</span>
              </span>
            </Link>
          }
          account={
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <Link href="/" className="rounded px-2 py-1 text-chrome-muted hover:text-chrome-fg">
                View site
              </Link>
              <Link href="/staff/account" className="rounded px-2 py-1 text-chrome-muted hover:text-chrome-fg" title="Your account">
                <span className="sr-only">Your account: </span>
                {actor.name} · {actor.role}
              </Link>
              <SignOutButton className="rounded-lg border border-chrome-line px-3 py-1.5 font-medium text-chrome-fg hover:bg-chrome-raised" />
            </div>
          }
        />
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
