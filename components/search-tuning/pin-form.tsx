"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Field } from "../ui/field";
import { buttonClass, inputClass } from "../ui/styles";
import { useActionForm } from "../ui/use-action-form";
import { savePinAction } from "./actions";

/** "Pin an answer": for this query, show this article first. */
export function PinForm({ initial, articles }: { initial: string; articles: { id: string; title: string }[] }) {
  const router = useRouter();
  const { result, pending, onSubmit, fields, formError } = useActionForm(savePinAction);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Pin an answer">
      <Field id="pin-query" label="When customers search for" hint="The whole query, in any case: “Cancel” and “cancel” are the same." error={fields.query}>
        {(props) => (
          <input {...props} type="text" name="query" defaultValue={initial} autoComplete="off" maxLength={100} className={inputClass(Boolean(fields.query))} />
        )}
      </Field>
      <Field id="pin-article" label="Show this article first" error={fields.articleId}>
        {(props) => (
          <select {...props} name="articleId" defaultValue="" className={inputClass(Boolean(fields.articleId))}>
            <option value="">Choose a published article…</option>
            {articles.map((article) => (
              <option key={article.id} value={article.id}>
                {article.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Saving…" : "Pin answer"}
        </button>
        <p role="status" className="text-sm font-medium text-emerald-800">
          {result?.ok ? `Pinned “${result.data.title}” for “${result.data.query}”.` : ""}
        </p>
        {formError && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {formError}
          </p>
        )}
      </div>
    </form>
  );
}
