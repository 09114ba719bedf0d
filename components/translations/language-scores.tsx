import { ShareBar } from "@/components/insights/rating-summary";
import { ScoreValue } from "@/components/insights/score-change";
import { ScrollArea } from "@/components/insights/scroll-area";
import { formatCount } from "@/components/insights/format";
import { tableClass, tdClass } from "@/components/ui/styles";
import type { ArticleLanguages } from "@/lib/articles/translations";
import { LanguageStateBadge } from "./language-badge";
import { TableHead } from "@/components/ui/table-head";

/** The same article's score in each language, side by side: each counts only its own readers' votes. */
export function LanguageScores({ data }: { data: ArticleLanguages }) {
  const rows = data.languages.filter((entry) => entry.state !== "missing");
  return (
    <ScrollArea label="Score and ratings per language">
      <table className={tableClass}>
        <caption className="sr-only">Score and ratings per language</caption>
        <TableHead
          columns={[
            "Language",
            "Status",
            { label: "Score", align: "right" },
            { label: "Happy", align: "right" },
            { label: "Normal", align: "right" },
            { label: "Sad", align: "right" },
            { label: "Ratings", align: "right" },
            "Shares",
          ]}
        />
        <tbody>
          {rows.map((entry) => (
            <tr key={entry.locale} aria-current={entry.id === data.article.id ? "true" : undefined}>
              <th scope="row" className={`${tdClass} font-medium text-slate-900`}>
                {entry.languageName}
                {entry.id === data.article.id && <span className="block text-xs font-normal text-slate-600">This article</span>}
              </th>
              <td className={tdClass}>
                <LanguageStateBadge entry={entry} />
              </td>
              <td className={`${tdClass} text-right text-base font-semibold`}>
                <ScoreValue score={entry.ratings.score} />
              </td>
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(entry.ratings.counts.happy)}</td>
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(entry.ratings.counts.normal)}</td>
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(entry.ratings.counts.sad)}</td>
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(entry.ratings.total)}</td>
              <td className={tdClass}>
                <ShareBar summary={entry.ratings} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
