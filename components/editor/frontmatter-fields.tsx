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
      <AudienceField value={form.audience} error={errors.audience} onChange={(audience) => onChange({ audience })} />
    </fieldset>
  );
}

const AUDIENCE_CHOICES: { value: ArticleAudience; label: string; hint: string }[] = [
  { value: "public", label: "Everyone (public)", hint: "Customers find it in search, categories and lists." },
  { value: "internal", label: "Staff only (internal)", hint: "Only signed-in staff can open or find it; everyone else gets “page not found”." },
];

/** Who may read the article; takes effect when it is published, like every other field. */
function AudienceField({ value, error, onChange }: { value: ArticleAudience; error?: string; onChange: (audience: ArticleAudience) => void }) {
  return (
    <fieldset className="md:col-span-2" aria-describedby={error ? "field-audience-error" : undefined}>
      <legend className="text-sm font-medium text-slate-900">Who can read it</legend>
      <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
        {AUDIENCE_CHOICES.map((choice) => (
          <label
            key={choice.value}
            className={`flex cursor-pointer gap-3 rounded-lg border px-3 py-2.5 text-sm ${value === choice.value ? (choice.value === "internal" ? "border-amber-400 bg-amber-50" : "border-brand-600 bg-brand-50") : "border-slate-300 bg-white"}`}
          >
            <input
              type="radio"
              name="audience"
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className="mt-0.5"
            />
            <span>
              <span className="block font-medium text-slate-900">{choice.label}</span>
              <span className="block text-slate-600">{choice.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id="field-audience-error" className="mt-1.5 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
