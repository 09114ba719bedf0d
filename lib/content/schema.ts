// What an article file's frontmatter and the category list may hold. Shared by the importer, the
// exporter and the staff editor (lib/articles/schema.ts), so every path into the library applies
// the same rules.
import { z } from "zod";
import { slugSchema } from "../articles/slugs";
import { ARTICLE_AUDIENCES } from "../articles/visibility";
import { DEFAULT_LOCALE, TRANSLATION_LOCALES } from "../i18n/locales";

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"))
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "is not a real date");

export const frontmatterSchema = z.strictObject(
  {
    title: z.string().trim().min(3, "must be at least 3 characters").max(120, "must be at most 120 characters"),
    description: z
      .string()
      .trim()
      .min(20, "must be at least 20 characters: one sentence that says what the article answers")
      .max(200, "must be at most 200 characters"),
    tags: z
      .array(
        z
          .string()
          .trim()
          .min(1, "must not be empty")
          .max(40, "must be at most 40 characters")
          .refine((tag) => tag === tag.toLowerCase(), "must be lowercase, e.g. email client"),
        { error: "must be a list, e.g. [imap, pop]" },
      )
      .min(1, "needs at least one tag")
      .max(12, "may hold at most 12 tags"),
    updated: isoDate,
    related: z.array(slugSchema).max(5, "may name at most 5 articles").default([]),
    // Left out for public articles (every article so far); `audience: internal` for staff only.
    audience: z
      .enum(ARTICLE_AUDIENCES, { error: (issue) => `${JSON.stringify(issue.input)} is not an audience: write "internal" for an article only signed-in staff may read, or leave the line out for a public one` })
      .default("public"),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown key(s): ${issue.keys.join(", ")}` : undefined) },
);

export type Frontmatter = z.infer<typeof frontmatterSchema>;

/**
 * A translation's frontmatter (articles/<category>/<source-slug>.<locale>.mdx): the same fields as
 * its source's, plus its own `slug`, which is always written (slugs are unique across languages).
 */
export const translationFrontmatterSchema = z.strictObject(
  { slug: slugSchema, ...frontmatterSchema.shape },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown key(s): ${issue.keys.join(", ")}` : undefined) },
);

const categoryName = z.string().trim().min(2).max(60);
const categoryDescription = z.string().trim().min(10).max(200);

/** A category's name and description in the other languages: {"de": {"name": …, "description": …}}. */
const categoryTranslationsSchema = z
  .record(z.string(), z.strictObject({ name: categoryName, description: categoryDescription }))
  .superRefine((translations, ctx) => {
    for (const locale of Object.keys(translations)) {
      if (TRANSLATION_LOCALES.includes(locale)) continue;
      ctx.addIssue({
        code: "custom",
        path: [locale],
        message:
          locale === DEFAULT_LOCALE
            ? `"${locale}" is the default language: the category's own name and description are in it`
            : `"${locale}" is not a language of the help center; translations may be in ${TRANSLATION_LOCALES.join(", ") || "no language yet"}`,
      });
    }
  });

const categorySchema = z.strictObject({
  slug: slugSchema,
  name: categoryName,
  description: categoryDescription,
  translations: categoryTranslationsSchema.optional(),
});

export const categoriesSchema = z
  .array(categorySchema)
  .min(1)
  .refine((list) => new Set(list.map((c) => c.slug)).size === list.length, "category slugs must be unique");

export type CategoryInput = z.infer<typeof categorySchema>;
