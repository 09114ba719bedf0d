import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cardClass, thClass } from "@/components/ui/styles";
import type { StaffArticleRow } from "@/lib/articles/list";
import { formatDate } from "@/lib/format";
import { languageName } from "@/lib/i18n/locales";
import { ArticleStatusBadge } from "./status-badge";

function Score({ score }: { score: number | null }) {
  return score === null ? (
    <span className="text-slate-600">
      <span aria-hidden="true">—</span>
      <span className="sr-only">no ratings yet</span>
    </span>
  ) : (
    <span className="font-semibold tabular-nums text-slate-900">{score}</span>
  );
}

/** The article's language, in words. */
function Language({ locale }: { locale: string }) {
  return (
    <span lang={locale}>
      <Badge tone="neutral">{languageName(locale)}</Badge>
    </span>
  );
}

function Title({ row }: { row: StaffArticleRow }) {
  return (
    <div>
      <Link href={`/staff/articles/${row.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {row.title || "Untitled"}
      </Link>
      <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
        <span className="font-mono">/{row.slug}</span>
        {row.audience === "internal" && <Badge tone="blue">Internal</Badge>}
        {row.translationOf && (
          <span>
            Translation of{" "}
            <Link href={`/staff/articles/${row.translationOf.id}`} className="text-brand-800 underline">
              {row.translationOf.title || "Untitled"}
            </Link>
          </span>
        )}
        {row.draft && <Badge tone="amber">Unpublished changes</Badge>}
        {row.draftAudience && <Badge tone="neutral">{row.draftAudience === "internal" ? "Internal once published" : "Public once published"}</Badge>}
      </div>
    </div>
  );
}

// One table for every screen, rendered once: on wide screens it is laid out as a table; on
// phones each row is a card on a 15-column grid (the title; language, category and status on
// one line; five numbers in boxes, in fifths; the date), and each number carries its column's name
// in words, so it reads right even where a browser stops treating the restyled rows as a table.
const cell = "md:table-cell md:border-b md:border-slate-100 md:px-3 md:py-2 md:align-top";
const numberCell = `${cell} rounded-lg bg-slate-50 py-1.5 text-center tabular-nums md:rounded-none md:bg-transparent md:text-right`;

/** The column's name on a phone, where the header row is not shown. */
function PhoneLabel({ children }: { children: string }) {
  return <span className="block text-xs text-slate-600 md:hidden">{children}</span>;
}

const COLUMNS = ["Title", "Language", "Category", "Status", "Happy", "Normal", "Sad", "Score", "Views (30 d)", "Updated"] as const;
const NUMERIC = new Set<string>(["Happy", "Normal", "Sad", "Score", "Views (30 d)"]);

export function ArticleTable({ rows }: { rows: StaffArticleRow[] }) {
  return (
    <div className={`${cardClass} md:overflow-x-auto`}>
      <table className="block w-full border-collapse text-left text-sm md:table">
        <caption className="sr-only">Articles, with reader ratings and views</caption>
        <thead className="sr-only md:not-sr-only md:table-header-group">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={`${thClass}${NUMERIC.has(column) ? " text-right" : ""}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block md:table-row-group">
          {rows.map((row) => (
            <tr
              key={row.id}
              className="grid grid-cols-15 items-center gap-2 border-b border-slate-100 p-4 last:border-b-0 md:table-row md:p-0 md:last:border-b md:hover:bg-slate-50"
            >
              <td className={`${cell} col-span-15`}>
                <Title row={row} />
              </td>
              <td className={`${cell} col-span-4`}>
                <Language locale={row.locale} />
              </td>
              <td className={`${cell} col-span-6 text-slate-700`}>{row.categoryName}</td>
              <td className={`${cell} col-span-5 justify-self-end md:justify-self-auto`}>
                <ArticleStatusBadge status={row.status} deleted={row.deleted} />
              </td>
              <td className={`${numberCell} col-span-3`}>
                <PhoneLabel>Happy</PhoneLabel>
                {row.ratings.happy}
              </td>
              <td className={`${numberCell} col-span-3`}>
                <PhoneLabel>Normal</PhoneLabel>
                {row.ratings.normal}
              </td>
              <td className={`${numberCell} col-span-3`}>
                <PhoneLabel>Sad</PhoneLabel>
                {row.ratings.sad}
              </td>
              <td className={`${numberCell} col-span-3`}>
                <PhoneLabel>Score</PhoneLabel>
                <Score score={row.score} />
              </td>
              <td className={`${numberCell} col-span-3`}>
                <PhoneLabel>Views</PhoneLabel>
                {row.views30d}
              </td>
              <td className={`${cell} col-span-15 text-slate-700 md:whitespace-nowrap`}>
                <span className="md:hidden">Updated </span>
                <time dateTime={row.updatedAt.toISOString()}>{formatDate(row.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
