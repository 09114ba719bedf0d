import Link from "next/link";
import { siteConfig } from "@/lib/site-config";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          © {siteConfig.company}. {siteConfig.tagline}
        </p>
        <p>
          <Link href="/contact" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Contact support
          </Link>{" "}
          · {siteConfig.support.hours}
        </p>
      </div>
    </footer>
  );
}
