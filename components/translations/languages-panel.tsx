import Link from "next/link";
import { ScoreValue } from "@/components/insights/score-change";
import { ScrollArea } from "@/components/insights/scroll-area";
import { formatDate, plural } from "@/components/insights/format";
import { cardClass, tableClass, tdClass } from "@/components/ui/styles";
import type { ArticleLanguages, LanguageEntry } from "@/lib/articles/translations";
import { localePath } from "@/lib/i18n/locales";
import { LanguageStateBadge } from "./language-badge";
import { TranslateButton } from "./translate-button";
import { TableHead } from "@/components/ui/table-head";

function Actions({ entry, data }: { entry: LanguageEntry; data: ArticleLanguages }) {
  if (!entry.id || !entry.slug) {
    return <TranslateButton sourceId={data.source.id} locale={entry.locale} languageName={entry.languageName} />;
  }
  const current = entry.id === data.article.id;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {current ? (
        <span className="text-slate-600">This article</span>
      ) : (
        <Link href={`/staff/articles/${entry.id}`} className="font-medium text-brand-800 underline">
          Edit<span className="sr-only"> the {entry.languageName} article</span>
        </Link>
      )}
      {entry.published && (
        <a href={localePath(entry.locale, `/articles/${entry.slug}`)} className="font-medium text-brand-800 underline">
          View on the site<span className="sr-only"> in {entry.languageName}</span>
        </a>
      )}
      <Link href={`/staff/articles/${entry.id}/feedback`} className="font-medium text-brand-800 underline">
        Feedback<span className="sr-only"> on the {entry.languageName} article</span>
      </Link>
    </div>
  );
}

function StateNote({ entry }: { entry: LanguageEntry }) {
  if (entry.state === "missing") return null;
  if (entry.outdated) {
    return (
      <span className="block text-xs text-slate-700">
        {entry.publishedAt ? `Published ${formatDate(entry.publishedAt)}; ` : ""}the source has been published since.
      </span>
    );
  }
  if (entry.published && entry.publishedAt) return <span className="block text-xs text-slate-600">Published {formatDate(entry.publishedAt)}</span>;
  return null;
}

/**
 * Every language of an article (the source and its translations): where each stands, whether a
 * translation is behind its source, how readers rate it, and a button for each missing one.
 */
export function LanguagesPanel({ data }: { data: ArticleLanguages }) {
  return (
    <section aria-labelledby="languages-heading" className={`${cardClass} mt-8 p-4 sm:p-6`} data-testid="languages-panel">
      <h2 id="languages-heading" className="text-lg font-semibold text-slate-900">
        Languages
      </h2>
      <p className="mt-0.5 mb-4 text-sm text-slate-600">
        Each translation is an article of its own, with its own history and ratings. Outdated: the source was published after the translation.
      </p>
      <ScrollArea label="Languages of this article">
        <table className={tableClass}>
          <caption className="sr-only">Languages of “{data.source.title}”</caption>
          <TableHead
            columns={["Language", "Status", { label: "Score", align: "right" }, { label: "Ratings", align: "right" }, { label: "Actions", hidden: true }]}
          />
          <tbody>
            {data.languages.map((entry) => (
              <tr key={entry.locale} data-locale={entry.locale}>
                <th scope="row" className={`${tdClass} font-medium text-slate-900`}>
                  {entry.languageName}
                  {entry.isSource && <span className="block text-xs font-normal text-slate-600">Source</span>}
                  {entry.title && !entry.isSource && <span className="block text-xs font-normal text-slate-600">{entry.title}</span>}
                </th>
                <td className={tdClass}>
                  <LanguageStateBadge entry={entry} />
                  <StateNote entry={entry} />
                </td>
                <td className={`${tdClass} text-right font-semibold`}>{entry.state === "missing" ? null : <ScoreValue score={entry.ratings.score} />}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{entry.state === "missing" ? null : plural(entry.ratings.total, "rating")}</td>
                <td className={tdClass}>
                  <Actions entry={entry} data={data} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </section>
  );
}

/** On a translation's editor: what it translates, with a way back. */
export function TranslationOf({ data }: { data: ArticleLanguages }) {
  if (!data.article.isTranslation) return null;
  const sourceLanguage = data.languages.find((entry) => entry.isSource)?.languageName ?? data.source.locale;
  return (
    <p className="mb-4 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-800">
      Translation of{" "}
      <Link href={`/staff/articles/${data.source.id}`} className="font-medium text-brand-800 underline">
        {data.source.title}
      </Link>{" "}
      ({sourceLanguage})
    </p>
  );
}
