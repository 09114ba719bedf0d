"use client";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/styles";
import type { EditorForm, Problem } from "./editor-form";

type Errors = Partial<Record<Problem["field"], string>>;

/** The frontmatter as form fields, each with its problem beside it. */
export function FrontmatterFields({
  form,
  errors,
  categories,
  onChange,
}: {
  form: EditorForm;
  errors: Errors;
  categories: { slug: string; name: string }[];
  onChange: (patch: Partial<EditorForm>) => void;
}) {
  // Four columns on wide screens, so the body starts within the first screen (1280×800).
  return (
    <fieldset className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
      <legend className="sr-only">Frontmatter</legend>
      <Field id="field-title" label="Title" error={errors.title} className="lg:col-span-2">
        {(props) => (
          <input
            {...props}
            type="text"
            value={form.title}
            onChange={(e) => onChange({ title: e.target.value })}
            className={inputClass(Boolean(errors.title))}
          />
        )}
      </Field>
      <Field
        id="field-slug"
        label="Slug"
        hint={
          <>
            The address: /articles/<span className="font-mono">{form.slug || "…"}</span>
          </>
        }
        error={errors.slug}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            value={form.slug}
            onChange={(e) => onChange({ slug: e.target.value })}
            className={inputClass(Boolean(errors.slug), "font-mono text-sm")}
            spellCheck={false}
            autoCapitalize="off"
          />
        )}
      </Field>
      <Field id="field-category" label="Category" error={errors.categorySlug} className="md:col-span-2 lg:col-span-1">
        {(props) => (
          <select
            {...props}
            value={form.categorySlug}
            onChange={(e) => onChange({ categorySlug: e.target.value })}
            className={inputClass(Boolean(errors.categorySlug))}
          >
            {!categories.some((c) => c.slug === form.categorySlug) && <option value={form.categorySlug}>Choose a category</option>}
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="field-description"
        label="Description"
        hint="One sentence that says what the article answers; shown in search results."
        error={errors.description}
        className="md:col-span-2"
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={form.description}
            onChange={(e) => onChange({ description: e.target.value })}
            className={inputClass(Boolean(errors.description))}
          />
        )}
      </Field>
      <Field id="field-tags" label="Tags" hint="Lowercase, separated by commas, e.g. imap, email client" error={errors.tags}>
        {(props) => (
          <input
            {...props}
            type="text"
            value={form.tagsText}
            onChange={(e) => onChange({ tagsText: e.target.value })}
            className={inputClass(Boolean(errors.tags))}
          />
        )}
      </Field>
      <Field
        id="field-related"
        label="Related articles"
        hint="Slugs of published articles, separated by commas (at most 5)"
        error={errors.related}
        className="md:col-span-2 lg:col-span-1"
      >
        {(props) => (
          <input
            {...props}
            type="text"
            value={form.relatedText}
            onChange={(e) => onChange({ relatedText: e.target.value })}
            className={inputClass(Boolean(errors.related), "font-mono text-sm")}
            spellCheck={false}
            autoCapitalize="off"
          />
        )}
      </Field>
    </fieldset>
  );
}
