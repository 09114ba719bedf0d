"use client";
import { FIELD_LABELS, type Problem } from "./editor-form";

const fieldIds: Partial<Record<Problem["field"], string>> = {
  title: "field-title",
  slug: "field-slug",
  description: "field-description",
  categorySlug: "field-category",
  tags: "field-tags",
  related: "field-related",
};

/** Every problem that stops Publish: body problems by line (a click moves the cursor there), field problems by field. */
export function ProblemList({ problems, onGoToLine }: { problems: Problem[]; onGoToLine: (line: number) => void }) {
  return (
    <section aria-labelledby="problems-heading" className={problems.length ? "rounded-lg border border-red-300 bg-red-50 p-4" : "sr-only"}>
      <h2 id="problems-heading" className="text-sm font-semibold text-red-900" aria-live="polite">
        {problems.length === 0 ? "No problems" : `${problems.length} problem${problems.length === 1 ? "" : "s"} to fix before publishing`}
      </h2>
      {problems.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm text-red-900">
          {problems.map((problem, index) => {
            const where = problem.field === "body" ? (problem.line ? `Line ${problem.line}` : "Body") : FIELD_LABELS[problem.field];
            const target = problem.field === "body" ? null : fieldIds[problem.field];
            return (
              <li key={`${problem.field}-${problem.line ?? ""}-${index}`}>
                {problem.field === "body" && problem.line ? (
                  <button
                    type="button"
                    onClick={() => onGoToLine(problem.line!)}
                    className="text-left font-semibold underline underline-offset-2 hover:text-red-700"
                  >
                    {where}
                  </button>
                ) : target ? (
                  <a href={`#${target}`} className="font-semibold underline underline-offset-2 hover:text-red-700">
                    {where}
                  </a>
                ) : (
                  <span className="font-semibold">{where}</span>
                )}
                : {problem.message}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
