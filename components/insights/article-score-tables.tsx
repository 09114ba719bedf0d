import Link from "next/link";
import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import type { ArticleScoreRow, ViewedArticleRow } from "@/lib/staff/feedback-insights-site";
import { formatCount } from "./format";
import { ShareBar } from "./rating-summary";
import { ScrollArea } from "./scroll-area";
import { ScoreValue } from "./score-change";

function ArticleLink({ id, title }: { id: string; title: string }) {
  return (
    <Link href={`/staff/articles/${id}/feedback`} className="font-medium text-brand-800 underline">
      {title}
    </Link>
  );
}

/** Lowest score first, with how the version customers see now is doing. */
export function LowestRatedTable({ rows, caption }: { rows: ArticleScoreRow[]; caption: string }) {
  return (
    <ScrollArea label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Article
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Score
            </th>
            <th scope="col" className={thClass}>
              Ratings
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Current version
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={`${tdClass} font-normal`}>
                <ArticleLink id={row.id} title={row.title} />
              </th>
              <td className={`${tdClass} text-right text-base font-semibold`}>
                <ScoreValue score={row.score} />
              </td>
              <td className={tdClass}>
                <ShareBar summary={row} />
              </td>
              <td className={`${tdClass} text-right`}>
                <ScoreValue score={row.current.score} />
                <span className="block text-xs text-slate-600">{formatCount(row.current.total)} since last edit</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

export function MostViewedTable({ rows, caption }: { rows: ViewedArticleRow[]; caption: string }) {
  return (
    <ScrollArea label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Article
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Views
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={`${tdClass} font-normal`}>
                <ArticleLink id={row.id} title={row.title} />
              </th>
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(row.views)}</td>
              <td className={`${tdClass} text-right`}>
                <ScoreValue score={row.score} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
