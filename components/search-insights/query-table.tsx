import type { ReactNode } from "react";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { TuneSearchLinks } from "./tune-search-links";
import { WriteArticleLink } from "./write-article-link";

export interface QueryColumn<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

/** One of the searches page's tables: a query per row, its figures, and the action. */
export function QueryTable<Row extends { query: string }>({
  id,
  title,
  description,
  rows,
  columns,
  empty,
  tune = false,
}: {
  id: string;
  title: string;
  description: string;
  rows: Row[];
  columns: QueryColumn<Row>[];
  empty: string;
  /** Also offer "Add a synonym" and "Pin an answer". */
  tune?: boolean;
}) {
  return (
    <section aria-labelledby={id} className={`${cardClass} overflow-hidden`}>
      <div className="px-5 pt-4 pb-3">
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">{description}</p>
      </div>
      {rows.length === 0 ? (
        <p className="border-t border-slate-100 px-5 py-6 text-sm text-slate-600">{empty}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col" className={`${thClass} pl-5`}>
                  Query
                </th>
                {columns.map((column) => (
                  <th key={column.label} scope="col" className={`${thClass} ${column.numeric ? "text-right" : ""}`}>
                    {column.label}
                  </th>
                ))}
                <th scope="col" className={`${thClass} pr-5`}>
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.query}>
                  <th scope="row" className={`${tdClass} pl-5 font-medium break-words text-slate-900`}>
                    {row.query}
                  </th>
                  {columns.map((column) => (
                    <td key={column.label} className={`${tdClass} whitespace-nowrap text-slate-700 ${column.numeric ? "text-right tabular-nums" : ""}`}>
                      {column.cell(row)}
                    </td>
                  ))}
                  <td className={`${tdClass} pr-5 text-right`}>
                    <div className="flex flex-col items-end gap-1">
                      <WriteArticleLink query={row.query} />
                      {tune && <TuneSearchLinks query={row.query} />}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
