import { Badge } from "@/components/ui/badge";
import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import type { RevisionScore } from "@/lib/staff/feedback-insights";
import { formatDate, formatDateTime, plural } from "./format";
import { ShareBar } from "./rating-summary";
import { ScrollArea } from "./scroll-area";
import { ScoreChange, ScoreValue } from "./score-change";

/** "+18 after the edit on 3 Nov 2026": how the score moved from the last rated version to this one. */
function describeRevisionChange(revision: RevisionScore): string | null {
  if (revision.change === null) return null;
  return `after the edit on ${formatDate(revision.createdAt)}`;
}

/** The score of each published version, oldest first, so staff see whether an edit helped. */
export function RevisionScores({ revisions }: { revisions: RevisionScore[] }) {
  return (
    <ScrollArea label="Score per revision">
      <table className={tableClass}>
        <caption className="sr-only">Score per revision, oldest first</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Revision
            </th>
            <th scope="col" className={thClass}>
              Ratings
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Score
            </th>
            <th scope="col" className={thClass}>
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => (
            <tr key={revision.id} data-revision={revision.id}>
              <th scope="row" className={`${tdClass} font-normal`}>
                <span className="font-medium text-slate-900">{formatDateTime(revision.createdAt)}</span>
                <span className="block text-slate-600">by {revision.author}</span>
                {revision.note && <span className="block text-slate-600 italic">{revision.note}</span>}
                {revision.isPublished && (
                  <span className="mt-1 block">
                    <Badge tone="green">Customers see this</Badge>
                  </span>
                )}
              </th>
              <td className={tdClass}>
                <ShareBar summary={revision} />
                <span className="sr-only">{plural(revision.total, "rating")}</span>
              </td>
              <td className={`${tdClass} text-right text-base font-semibold`}>
                <ScoreValue score={revision.score} />
              </td>
              <td className={tdClass}>
                {revision.change === null ? (
                  <span className="text-slate-600">{revision.total === 0 ? "not rated yet" : "first rated version"}</span>
                ) : (
                  <ScoreChange change={revision.change} suffix={describeRevisionChange(revision) ?? undefined} />
                )}
                {revision.previous && revision.change !== null && (
                  <span className="block text-xs text-slate-600">
                    from {revision.previous.score} on the version of {formatDate(revision.previous.createdAt)}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
