// An article's languages. A translation is an article of its own (its own slug, revisions, ratings
// and insights) that names the default-language article it translates. Staff see, per article,
// which languages exist, which are still drafts and which are outdated: the source was published
// after the translation was. A new translation starts as a draft holding the source's text, and is
// published through the normal Publish path (lib/articles/publishing.ts).
import { z } from "zod";
import { authorize, type StaffContext } from "../auth/roles";
import { noRatings, type RatingCounts, ratingCountsByArticle } from "../feedback/score";
import { parseOrThrow } from "../http";
import { HttpError } from "../http-error";
import { DEFAULT_LOCALE, LANGUAGES, type Locale, TRANSLATION_LOCALES, languageName } from "../i18n/locales";
import { type RatingSummary, summarise } from "../staff/feedback-insights";
import { frontmatterColumns, getHeadRevision } from "./publishing";
import { type ArticleStatus, parseArticleStatus } from "./schema";
import { unusedSlug } from "./slugs";
import { parseStoredList } from "./stored-list";
import { isPublished } from "./visibility";

/** Where a language stands for one article: no article yet, or the translation's own status. */
type TranslationState = "missing" | ArticleStatus;

export interface LanguageEntry {
  locale: Locale;
  /** The language's name in itself: "Deutsch". */
  languageName: string;
  /** The default-language article every translation points at. */
  isSource: boolean;
  /** Null when the language has no article yet (state "missing"). */
  id: string | null;
  slug: string | null;
  title: string | null;
  state: TranslationState;
  deleted: boolean;
  /** Published and not deleted: readers of that language can open it. */
  published: boolean;
  /** When it was last published; kept after an unpublish. */
  publishedAt: Date | null;
  /** Both published, and the source was published after this translation: its text may be behind. */
  outdated: boolean;
  /** The article's ratings, scored as on its feedback page (lib/staff/feedback-insights.ts). */
  ratings: RatingSummary;
}

export interface ArticleLanguages {
  /** The article asked about, and the language it is written in. */
  article: { id: string; locale: Locale; isTranslation: boolean };
  source: { id: string; slug: string; title: string; locale: Locale };
  /** One per configured language, the default language (the source) first. */
  languages: LanguageEntry[];
}

const articleSelect = {
  id: true,
  slug: true,
  title: true,
  locale: true,
  status: true,
  deletedAt: true,
  publishedRevisionId: true,
  publishedAt: true,
  translationOfId: true,
  draft: { select: { title: true } },
} as const;

type ArticleRow = {
  id: string;
  slug: string;
  title: string;
  locale: string;
  status: string;
  deletedAt: Date | null;
  publishedRevisionId: string | null;
  publishedAt: Date | null;
  draft: { title: string } | null;
};

/**
 * The languages of an article: for the source (or, given a translation, for its source), one entry
 * per configured language. Missing languages are listed too, so staff see what is left to translate.
 */
export async function listTranslations(ctx: StaffContext, articleId: string): Promise<ArticleLanguages> {
  authorize(ctx.actor, "editor");
  const asked = await ctx.db.article.findUnique({ where: { id: articleId }, select: { id: true, locale: true, translationOfId: true } });
  if (!asked) throw new HttpError(404, "There is no such article.");
  const sourceId = asked.translationOfId ?? asked.id;
  const source = await ctx.db.article.findUnique({
    where: { id: sourceId },
    select: { ...articleSelect, translations: { select: articleSelect } },
  });
  if (!source) throw new HttpError(404, "There is no such article.");
  const rows: ArticleRow[] = [source, ...source.translations];
  const ratings = await ratingCountsByArticle(
    ctx.db,
    rows.map((row) => row.id),
  );
  const sourcePublished = isPublished(source);

  const entry = (locale: Locale, row: ArticleRow | undefined, isSource: boolean): LanguageEntry => {
    const counts: RatingCounts = (row && ratings.get(row.id)) ?? noRatings();
    if (!row) {
      return {
        locale,
        languageName: languageName(locale),
        isSource,
        id: null,
        slug: null,
        title: null,
        state: "missing",
        deleted: false,
        published: false,
        publishedAt: null,
        outdated: false,
        ratings: summarise(counts),
      };
    }
    const published = isPublished(row);
    const outdated =
      !isSource && published && sourcePublished && source.publishedAt !== null && row.publishedAt !== null && source.publishedAt > row.publishedAt;
    return {
      locale,
      languageName: languageName(locale),
      isSource,
      id: row.id,
      slug: row.slug,
      // A never-published article is known by its working title.
      title: !row.publishedRevisionId && row.draft?.title ? row.draft.title : row.title,
      state: parseArticleStatus(row.status),
      deleted: row.deletedAt !== null,
      published,
      publishedAt: row.publishedAt,
      outdated,
      ratings: summarise(counts),
    };
  };

  const sourceLocale = source.locale || DEFAULT_LOCALE;
  const languages = LANGUAGES.map((language) =>
    language.code === sourceLocale
      ? entry(language.code, source, true)
      : entry(
          language.code,
          source.translations.find((row) => row.locale === language.code),
          false,
        ),
  );
  return {
    article: { id: asked.id, locale: asked.locale, isTranslation: asked.translationOfId !== null },
    source: {
      id: source.id,
      slug: source.slug,
      title: !source.publishedRevisionId && source.draft?.title ? source.draft.title : source.title,
      locale: sourceLocale,
    },
    languages,
  };
}

export const createTranslationSchema = z.object({
  sourceId: z.string().min(1, "is missing").max(40, "is not an article id"),
  locale: z.string().min(1, "choose a language").max(20, "is not a language"),
  /** A working title to start from instead of the source's. */
  title: z.string().trim().min(3, "must be at least 3 characters").max(120, "must be at most 120 characters").optional(),
});
type CreateTranslationInput = { title?: string };

/** The first free slug of "<source-slug>-<locale>", short enough for the suffixes unusedSlug adds. */
function translationSlugBase(sourceSlug: string, locale: Locale): string {
  const room = 80 - locale.length - 1 - 4;
  return `${sourceSlug.slice(0, room).replace(/-+$/, "")}-${locale.toLowerCase()}`;
}

/**
 * A new draft translating `sourceId` into `locale`, in the source's category and for its audience,
 * starting from the text of the source's newest revision (or its draft, if it was never published).
 * Related articles point at their own translations where those are published. Customers see
 * nothing until it is published. Refused, with nothing stored: an unknown or the default language,
 * a source that is itself a translation, is deleted or does not exist, and a language that already
 * has a translation.
 */
export async function createTranslation(ctx: StaffContext, sourceId: string, locale: Locale, input: CreateTranslationInput = {}) {
  const actor = authorize(ctx.actor, "editor");
  const parsed = parseOrThrow(createTranslationSchema, { sourceId, locale, ...input });
  if (parsed.locale === DEFAULT_LOCALE) {
    throw new HttpError(422, `Articles are written in ${languageName(DEFAULT_LOCALE)}; choose another language to translate into.`, {
      locale: "choose a language other than the default",
    });
  }
  if (!TRANSLATION_LOCALES.includes(parsed.locale)) {
    throw new HttpError(422, `"${parsed.locale}" is not one of the help center's languages.`, { locale: "choose one of the languages" });
  }
  const source = await ctx.db.article.findUnique({
    where: { id: parsed.sourceId },
    select: {
      id: true,
      slug: true,
      ...frontmatterColumns,
      locale: true,
      translationOfId: true,
      deletedAt: true,
      draft: { select: { ...frontmatterColumns, body: true } },
    },
  });
  if (!source) throw new HttpError(404, "There is no such article.");
  if (source.translationOfId !== null || source.locale !== DEFAULT_LOCALE) {
    throw new HttpError(409, `This article is a translation; translate its ${languageName(DEFAULT_LOCALE)} original instead.`);
  }
  if (source.deletedAt) throw new HttpError(409, "This article is deleted. Restore it before translating it.");
  const existing = await ctx.db.article.findUnique({
    where: { translationOfId_locale: { translationOfId: source.id, locale: parsed.locale } },
    select: { id: true },
  });
  if (existing) throw new HttpError(409, `This article already has a ${languageName(parsed.locale)} translation.`);

  const head = await getHeadRevision(ctx.db, source.id);
  const from = head ?? source.draft ?? { ...source, body: "" };
  const related = await translatedRelated(ctx, parseStoredList(from.related), parsed.locale);
  const title = parsed.title ?? from.title;
  const slug = await unusedSlug(ctx.db, translationSlugBase(source.slug, parsed.locale));
  const content = {
    title,
    description: from.description,
    categorySlug: source.categorySlug,
    tags: from.tags,
    related: JSON.stringify(related),
    audience: from.audience,
  };
  try {
    return await ctx.db.article.create({
      data: {
        slug,
        ...content,
        locale: parsed.locale,
        translationOfId: source.id,
        status: "draft",
        contentUpdatedAt: new Date(),
        draft: { create: { slug, ...content, body: from.body, version: 1, updatedById: actor.id } },
      },
      select: { id: true, slug: true, title: true, status: true, locale: true, translationOfId: true },
    });
  } catch (error) {
    // Someone translated it (or took the slug) at the same moment: the unique indexes refused this one.
    if ((error as { code?: unknown }).code === "P2002") {
      const raced = await ctx.db.article.findUnique({
        where: { translationOfId_locale: { translationOfId: source.id, locale: parsed.locale } },
        select: { id: true },
      });
      throw new HttpError(
        409,
        raced ? `This article already has a ${languageName(parsed.locale)} translation.` : "Someone created an article with the same slug just now; try again.",
      );
    }
    throw error;
  }
}

/** Each related slug as its published translation's slug when there is one, else as it is. */
async function translatedRelated(ctx: StaffContext, slugs: string[], locale: Locale): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await ctx.db.article.findMany({
    where: { locale, status: "published", deletedAt: null, translationOf: { slug: { in: slugs } } },
    select: { slug: true, translationOf: { select: { slug: true } } },
  });
  const bySource = new Map(rows.map((row) => [row.translationOf?.slug, row.slug]));
  return slugs.map((slug) => bySource.get(slug) ?? slug);
}
