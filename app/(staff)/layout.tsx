import type { Metadata } from "next";
import type { ReactNode } from "react";

// The staff area is never indexed (next.config.ts also sends X-Robots-Tag, robots.txt disallows it).
export const metadata: Metadata = {
  title: { default: "Staff", template: "%s · Staff" },
  robots: { index: false, follow: false },
};

export default function StaffRootLayout({ children }: { children: ReactNode }) {
  return children;
}
