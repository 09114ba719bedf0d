"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { ImportedArticle, LibraryImportResult } from "@/lib/staff/library";
import { buttonClass, inputClass, labelClass } from "../ui/styles";

type Outcome = { ok: true; result: LibraryImportResult } | { ok: false; error: string; problems: string[] } | null;

/** Uploads to POST /api/staff/library/import and shows what was published, or every problem found. */
export function ImportForm({ categories }: { categories: { slug: string; name: string }[] }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  async function upload(form: HTMLFormElement) {
    setPending(true);
    try {
      const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
      const body = (await response.json().catch(() => ({}))) as Partial<LibraryImportResult> & { error?: string; problems?: string[] };
      setOutcome(
        response.ok
          ? { ok: true, result: body as LibraryImportResult }
          : { ok: false, error: body.error ?? `The upload failed (${response.status}).`, problems: body.problems ?? [] },
      );
      if (response.ok) form.reset();
    } catch {
      setOutcome({ ok: false, error: "The upload did not reach the server. Check your connection and try again.", problems: [] });
    } finally {
      setPending(false);
    }
  }

  // Move focus to each new outcome, so keyboard and screen-reader users land on it.
  useEffect(() => heading.current?.focus(), [outcome]);

  return (
    <div className="space-y-6">
      <form
        action="/api/staff/library/import"
        method="post"
        encType="multipart/form-data"
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void upload(event.currentTarget);
        }}
      >
        <div>
          <label htmlFor="library-files" className={labelClass}>
            Files to import
          </label>
          <p id="library-files-hint" className="mt-0.5 text-sm text-slate-600">
            One .zip of the library, or one or more .mdx files (with categories.json if you changed it).
          </p>
          <input
            id="library-files"
            name="files"
            type="file"
            multiple
            required
            accept=".zip,.mdx,.json,application/zip"
            aria-describedby="library-files-hint"
            className="mt-1.5 block w-full rounded-lg border border-slate-300 bg-white text-sm text-slate-900 file:mr-3 file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-semibold file:text-slate-800 focus:ring-4 focus:ring-brand-600/25 focus:outline-none"
          />
        </div>
        <div>
          <label htmlFor="library-category" className={labelClass}>
            Category for loose .mdx files
          </label>
          <p id="library-category-hint" className="mt-0.5 text-sm text-slate-600">
            Existing articles keep their category unless you choose one; new articles need one. Files inside a zip use their folder.
          </p>
          <select
            id="library-category"
            name="category"
            defaultValue=""
            aria-describedby="library-category-hint"
            className={inputClass(false, "mt-1.5 sm:w-80")}
          >
            <option value="">Keep each article’s category</option>
            {categories.map((category) => (
              <option key={category.slug} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Checking and importing…" : "Check and import"}
        </button>
      </form>

      <div aria-live="polite">
        {outcome?.ok === true && <Summary result={outcome.result} headingRef={heading} />}
        {outcome?.ok === false && (
          <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900">
            <h3 ref={heading} tabIndex={-1} className="font-semibold focus:outline-none">
              Nothing was imported
            </h3>
            <p className="mt-1 text-sm">{outcome.error}</p>
            {outcome.problems.length > 0 && (
              <ul className="mt-3 list-disc space-y-1 pl-5 font-mono text-sm break-words">
                {outcome.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

function Summary({ result, headingRef }: { result: LibraryImportResult; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const groups: [string, ImportedArticle[]][] = [
    ["New", result.created],
    ["Changed", result.updated],
    ["Unchanged", result.unchanged],
  ];
  return (
    <div role="status" className="rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-emerald-950">
      <h3 ref={headingRef} tabIndex={-1} className="font-semibold focus:outline-none">
        Imported: {result.created.length} new, {result.updated.length} changed, {result.unchanged.length} unchanged
      </h3>
      <p className="mt-1 text-sm">New and changed articles are published now, as revisions by you.</p>
      {groups.map(([label, articles]) =>
        articles.length === 0 ? null : (
          <details key={label} open={label !== "Unchanged"} className="mt-3">
            <summary className="cursor-pointer text-sm font-semibold">
              {label} ({articles.length})
            </summary>
            <ul className="mt-1 space-y-0.5 pl-5 text-sm">
              {articles.map((article) => (
                <li key={article.slug}>
                  <Link href={`/articles/${article.slug}`} className="text-brand-800 underline">
                    {article.title}
                  </Link>{" "}
                  <span className="text-emerald-900">
                    ({article.categorySlug}/{article.slug})
                  </span>
                </li>
              ))}
            </ul>
          </details>
        ),
      )}
    </div>
  );
}
