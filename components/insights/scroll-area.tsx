import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a phone instead of widening the page. Focusable, so
 * keyboard users can scroll it too (axe: scrollable-region-focusable). Relative, so screen-reader-only
 * text inside (absolutely positioned) is clipped here rather than widening the page.
 */
export function ScrollArea({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="group"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto rounded focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none"
    >
      {children}
    </div>
  );
}
