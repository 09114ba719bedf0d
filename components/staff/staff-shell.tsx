import Link from "next/link";
import type { ReactNode } from "react";
import type { Actor } from "@/lib/auth/roles";
import { siteConfig } from "@/lib/site-config";
import { signOutAction } from "../auth/actions";
import { StaffNav, type StaffNavItem } from "./staff-nav";
import { SkipLink } from "../ui/skip-link";

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
      <header className="bg-slate-900 text-white">
        <SkipLink />
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 pt-3 sm:px-6">
          <Link href="/staff" className="flex items-center gap-2.5 rounded font-semibold">
            <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand-600 text-lg font-bold">
              H
            </span>
            <span>{siteConfig.name} <span className="font-normal text-slate-300">staff</span></span>
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <Link href="/" className="rounded px-2 py-1 text-slate-300 hover:text-white">
              View site
            </Link>
            <Link href="/staff/account" className="rounded px-2 py-1 text-slate-300 hover:text-white" title="Your account">
              <span className="sr-only">Your account: </span>
              {actor.name} · {actor.role}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded-lg border border-slate-600 px-3 py-1.5 font-medium text-slate-100 hover:bg-slate-800">
                Sign out
              </button>
            </form>
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4 py-2 sm:px-6">
          <StaffNav items={items} />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
