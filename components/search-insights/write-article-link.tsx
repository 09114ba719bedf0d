import Link from "next/link";
import { buttonClass } from "@/components/ui/styles";
import { writeArticleHref } from "@/lib/staff/search-insights";

const linkClass = "font-medium whitespace-nowrap text-brand-700 underline hover:text-brand-800";

/** "Write an article for this": the editor's new-article page with the query as its title. */
export function WriteArticleLink({ query, button = false }: { query: string; button?: boolean }) {
  return (
    <Link href={writeArticleHref(query)} aria-label={`Write an article for this: ${query}`} className={button ? buttonClass("primary") : linkClass}>
      Write an article for this
    </Link>
  );
}
