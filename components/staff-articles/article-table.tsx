import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
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

/** A table on wide screens, a stack of cards on phones: the same rows and numbers. */
export function ArticleTable({ rows }: { rows: StaffArticleRow[] }) {
  return (
    <>
      <div className={`${cardClass} hidden overflow-x-auto md:block`}>
        <table className={tableClass}>
          <caption className="sr-only">Articles, with reader ratings and views</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>
                Title
              </th>
              <th scope="col" className={thClass}>
                Language
              </th>
              <th scope="col" className={thClass}>
                Category
              </th>
              <th scope="col" className={thClass}>
                Status
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Happy
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Normal
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Sad
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Score
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Views (30 d)
              </th>
              <th scope="col" className={thClass}>
                Updated
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                <td className={tdClass}>
                  <Title row={row} />
                </td>
                <td className={tdClass}>
                  <Language locale={row.locale} />
                </td>
                <td className={tdClass}>{row.categoryName}</td>
                <td className={tdClass}>
                  <ArticleStatusBadge status={row.status} deleted={row.deleted} />
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>{row.ratings.happy}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{row.ratings.normal}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{row.ratings.sad}</td>
                <td className={`${tdClass} text-right`}>
                  <Score score={row.score} />
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>{row.views30d}</td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  <time dateTime={row.updatedAt.toISOString()}>{formatDate(row.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden" aria-label="Articles">
        {rows.map((row) => (
          <li key={row.id} className={`${cardClass} p-4`}>
            <Title row={row} />
            <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
              <ArticleStatusBadge status={row.status} deleted={row.deleted} />
              <Language locale={row.locale} />
              <span>{row.categoryName}</span>
              <span aria-hidden="true">·</span>
              <span>
                Updated <time dateTime={row.updatedAt.toISOString()}>{formatDate(row.updatedAt)}</time>
              </span>
            </div>
            <dl className="mt-3 grid grid-cols-5 gap-2 text-center text-sm">
              {(
                [
                  ["Happy", row.ratings.happy],
                  ["Normal", row.ratings.normal],
                  ["Sad", row.ratings.sad],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="rounded-lg bg-slate-50 py-1.5">
                  <dt className="text-xs text-slate-600">{label}</dt>
                  <dd className="font-semibold tabular-nums">{value}</dd>
                </div>
              ))}
              <div className="rounded-lg bg-slate-50 py-1.5">
                <dt className="text-xs text-slate-600">Score</dt>
                <dd>
                  <Score score={row.score} />
                </dd>
              </div>
              <div className="rounded-lg bg-slate-50 py-1.5">
                <dt className="text-xs text-slate-600">Views</dt>
                <dd className="font-semibold tabular-nums">{row.views30d}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
