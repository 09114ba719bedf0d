"use client";
import { useActionState } from "react";
import { createArticleFormAction } from "@/components/editor/actions";
import { Field } from "@/components/ui/field";
import { buttonClass, inputClass } from "@/components/ui/styles";

/** Title and category are all a new article needs; the editor opens on its draft. Works without JavaScript. */
export function NewArticleForm({ categories, defaultTitle }: { categories: { slug: string; name: string }[]; defaultTitle: string }) {
  // The permalink is the form's action until the page hydrates (React writes action="" without one).
  const [state, formAction, pending] = useActionState(createArticleFormAction, null, "/staff/articles/new");
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  return (
    <form action={formAction} className="max-w-xl space-y-5 rounded-xl border border-slate-200 bg-white p-6" noValidate>
      {state && !state.ok && (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm font-medium text-red-800">
          {state.error}
        </p>
      )}
      <Field id="new-title" label="Title" hint="The question or task, as a customer would put it." error={fields.title}>
        {(props) => (
          <input
            {...props}
            type="text"
            name="title"
            required
            minLength={3}
            maxLength={120}
            defaultValue={defaultTitle}
            className={inputClass(Boolean(fields.title))}
            autoFocus
          />
        )}
      </Field>
      <Field id="new-category" label="Category" error={fields.categorySlug}>
        {(props) => (
          <select {...props} name="categorySlug" required defaultValue="" className={inputClass(Boolean(fields.categorySlug))}>
            <option value="" disabled>
              Choose a category
            </option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {pending ? "Creating…" : "Create and open the editor"}
      </button>
    </form>
  );
}
