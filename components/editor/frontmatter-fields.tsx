"use client";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/styles";
import type { ArticleAudience } from "@/lib/articles/visibility";
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
      {/* Category and audience share a column: a row more would push the body off the first screen. */}
      <div className="flex flex-col gap-3 md:col-span-2 lg:col-span-1">
        <Field id="field-category" label="Category" error={errors.categorySlug}>
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
        <AudienceField value={form.audience} error={errors.audience} onChange={(audience) => onChange({ audience })} />
      </div>
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

const AUDIENCE_CHOICES: { value: ArticleAudience; label: string }[] = [
  { value: "public", label: "Everyone" },
  { value: "internal", label: "Staff only" },
];

/**
 * Who may read the article; takes effect when it is published, like every other field. What
 * "internal" means is said when it is chosen, beside the choice.
 */
function AudienceField({ value, error, onChange }: { value: ArticleAudience; error?: string; onChange: (audience: ArticleAudience) => void }) {
  const describedBy = [value === "internal" ? "field-audience-hint" : null, error ? "field-audience-error" : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-900">Who can read it</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {AUDIENCE_CHOICES.map((choice) => (
          <label key={choice.value} className="flex cursor-pointer items-center gap-1.5 text-slate-900">
            <input
              type="radio"
              name="audience"
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className="size-4 accent-brand-700"
            />
            {choice.label}
          </label>
        ))}
      </div>
      {value === "internal" && (
        <p id="field-audience-hint" className="mt-1.5 rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-950">
          Internal: only signed-in staff can open or find it; everyone else gets “page not found”.
        </p>
      )}
      {error && (
        <p id="field-audience-error" className="mt-1.5 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
