import Link from "next/link";
import { buttonClass } from "./styles";

/** Previous / next links for a list paged in the database; `href` gives the address of a page. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} className={buttonClass("secondary")}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={buttonClass("secondary")}>
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
