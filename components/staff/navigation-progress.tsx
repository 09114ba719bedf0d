"use client";
// A bar across the top of the window from the moment a link to another staff page is followed
// until that page is on screen: staff pages are rendered per request, and a click would otherwise
// show nothing for as long as the server takes. (A loading.tsx skeleton would do it too, but it
// streams the page behind a script, and staff pages must work without JavaScript.)
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/** A navigation that never lands (the tab was left, a download) stops showing after this long. */
const GIVE_UP_MS = 20_000;

/** Whether a click follows a link to another page of this site (not a new tab, a download or a #fragment). */
function opensAnotherPage(event: MouseEvent): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return false;
  const url = new URL(link.href, location.href);
  return url.origin === location.origin && (url.pathname !== location.pathname || url.search !== location.search);
}

export function NavigationProgress() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  /** When the navigation under way started, or null. */
  const [startedAt, setStartedAt] = useState<number | null>(null);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (opensAnotherPage(event)) setStartedAt(Date.now());
    };
    // Capture phase: next/link cancels the browser's own navigation (preventDefault) to make its own.
    document.addEventListener("click", onClick, { capture: true });
    return () => document.removeEventListener("click", onClick, { capture: true });
  }, []);

  // The new page is on screen: done.
  const here = `${pathname}?${searchParams.toString()}`;
  const [shownFor, setShownFor] = useState(here);
  if (shownFor !== here) {
    setShownFor(here);
    setStartedAt(null);
  }

  useEffect(() => {
    if (startedAt === null) return;
    const timer = setTimeout(() => setStartedAt(null), GIVE_UP_MS);
    return () => clearTimeout(timer);
  }, [startedAt]);

  if (startedAt === null) return null;
  return (
    <div role="progressbar" aria-label="Loading the page" className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-brand-100">
      <div className="navigation-progress h-full bg-brand-600" />
    </div>
  );
}
