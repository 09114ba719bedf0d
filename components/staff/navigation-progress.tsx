"use client";
// A bar across the top of the window from the moment a link to another staff page is followed
// until that page is on screen: staff pages are rendered per request, and a click would otherwise
// show nothing for as long as the server takes. (A loading.tsx skeleton would do it too, but it
// streams the page behind a script, and staff pages must work without JavaScript.)
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/** A navigation that never lands (the tab was left, a download) stops showing after this long. */
const GIVE_UP_MS = 20_000;

/** The address a click will go to within the app, or null when the click is not such a navigation. */
function internalTarget(event: MouseEvent): URL | null {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return null;
  // Same page, or only another #fragment of it: nothing to wait for.
  if (url.pathname === location.pathname && url.search === location.search) return null;
  return url;
}

export function NavigationProgress() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  /** When the navigation under way started, or null. */
  const [startedAt, setStartedAt] = useState<number | null>(null);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (internalTarget(event)) setStartedAt(Date.now());
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
