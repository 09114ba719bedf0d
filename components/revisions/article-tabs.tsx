import Link from "next/link";
import { DEFAULT_LOCALE, localePath } from "@/lib/i18n/locales";

export type ArticleTab = "edit" | "history" | "feedback";

/** Moves between an article's editor, history and feedback; the current one is marked for screen readers. */
export function ArticleTabs({
  articleId,
  current,
  slug,
  live,
  locale = DEFAULT_LOCALE,
}: {
  articleId: string;
  current: ArticleTab;
  slug: string;
  live: boolean;
  /** The article's language: a translation lives under its language's prefix (/de/articles/…). */
  locale?: string;
}) {
  const tabs: { tab: ArticleTab; href: string; label: string }[] = [
    { tab: "edit", href: `/staff/articles/${articleId}`, label: "Edit" },
    { tab: "history", href: `/staff/articles/${articleId}/history`, label: "History" },
    { tab: "feedback", href: `/staff/articles/${articleId}/feedback`, label: "Feedback" },
  ];
  return (
    <nav aria-label="This article" className="mb-6 flex flex-wrap items-center gap-2 border-b border-slate-200 pb-3 text-sm">
      <Link href="/staff/articles" className="mr-2 rounded px-1 text-slate-700 underline hover:text-slate-900">
        ← All articles
      </Link>
      {tabs.map(({ tab, href, label }) => (
        <Link
          key={tab}
          href={href}
          aria-current={tab === current ? "page" : undefined}
          className="rounded-lg px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
        >
          {label}
        </Link>
      ))}
      {live && (
        <a href={localePath(locale, `/articles/${slug}`)} className="ml-auto rounded px-1 font-medium text-brand-800 underline">
          View on the site
        </a>
      )}
    </nav>
  );
}
