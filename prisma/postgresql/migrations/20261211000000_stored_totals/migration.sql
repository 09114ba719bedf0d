-- Running totals for the staff lists and insights, kept by triggers in the same transaction as each
-- vote and view, so no page has to add up every vote again. The source rows (Feedback and
-- ArticleViewDay) stay the truth: the backfill below and lib/feedback/totals.ts recount from them.
-- CreateTable
CREATE TABLE "ArticleTotals" (
    "articleId" TEXT NOT NULL,
    "happy" INTEGER NOT NULL DEFAULT 0,
    "normal" INTEGER NOT NULL DEFAULT 0,
    "sad" INTEGER NOT NULL DEFAULT 0,
    "views30d" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleTotals_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "DailyTotals" (
    "day" TEXT NOT NULL,
    "happy" INTEGER NOT NULL DEFAULT 0,
    "normal" INTEGER NOT NULL DEFAULT 0,
    "sad" INTEGER NOT NULL DEFAULT 0,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyTotals_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "TotalsWindow" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "startDay" TEXT NOT NULL,

    CONSTRAINT "TotalsWindow_pkey" PRIMARY KEY ("id")
);

-- DropIndex
DROP INDEX "SearchEvent_createdAt_idx";

-- CreateIndex
CREATE INDEX "SearchEvent_createdAt_query_resultCount_openedSlug_idx" ON "SearchEvent"("createdAt", "query", "resultCount", "openedSlug");

-- CreateIndex
CREATE INDEX "SearchEvent_resultCount_createdAt_query_idx" ON "SearchEvent"("resultCount", "createdAt", "query");

-- CreateIndex
CREATE INDEX "ArticleTotals_views30d_idx" ON "ArticleTotals"("views30d");

-- AddForeignKey
ALTER TABLE "ArticleTotals" ADD CONSTRAINT "ArticleTotals_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Ratings: a vote counts for its article, and on the UTC day of its latest change (Prisma keeps
-- DateTime as UTC in timestamp columns). Counter updates are row-locked increments, so concurrent
-- votes never lose one.
CREATE FUNCTION "feedback_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    -- Only UPDATE here: when a deleted article takes its votes with it, its totals row may be gone already.
    UPDATE "ArticleTotals" SET
        "happy" = "happy" - (OLD."rating" = 'happy')::int,
        "normal" = "normal" - (OLD."rating" = 'normal')::int,
        "sad" = "sad" - (OLD."rating" = 'sad')::int
      WHERE "articleId" = OLD."articleId";
    UPDATE "DailyTotals" SET
        "happy" = "happy" - (OLD."rating" = 'happy')::int,
        "normal" = "normal" - (OLD."rating" = 'normal')::int,
        "sad" = "sad" - (OLD."rating" = 'sad')::int
      WHERE "day" = to_char(OLD."updatedAt", 'YYYY-MM-DD');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "ArticleTotals" ("articleId", "happy", "normal", "sad")
      VALUES (NEW."articleId", (NEW."rating" = 'happy')::int, (NEW."rating" = 'normal')::int, (NEW."rating" = 'sad')::int)
      ON CONFLICT ("articleId") DO UPDATE SET
        "happy" = "ArticleTotals"."happy" + excluded."happy",
        "normal" = "ArticleTotals"."normal" + excluded."normal",
        "sad" = "ArticleTotals"."sad" + excluded."sad";
    INSERT INTO "DailyTotals" ("day", "happy", "normal", "sad")
      VALUES (to_char(NEW."updatedAt", 'YYYY-MM-DD'), (NEW."rating" = 'happy')::int, (NEW."rating" = 'normal')::int, (NEW."rating" = 'sad')::int)
      ON CONFLICT ("day") DO UPDATE SET
        "happy" = "DailyTotals"."happy" + excluded."happy",
        "normal" = "DailyTotals"."normal" + excluded."normal",
        "sad" = "DailyTotals"."sad" + excluded."sad";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Feedback_totals_insert" AFTER INSERT ON "Feedback"
  FOR EACH ROW EXECUTE FUNCTION "feedback_totals"();
CREATE TRIGGER "Feedback_totals_update" AFTER UPDATE ON "Feedback"
  FOR EACH ROW
  WHEN (OLD."rating" IS DISTINCT FROM NEW."rating"
    OR to_char(OLD."updatedAt", 'YYYY-MM-DD') IS DISTINCT FROM to_char(NEW."updatedAt", 'YYYY-MM-DD')
    OR OLD."articleId" IS DISTINCT FROM NEW."articleId")
  EXECUTE FUNCTION "feedback_totals"();
CREATE TRIGGER "Feedback_totals_delete" AFTER DELETE ON "Feedback"
  FOR EACH ROW EXECUTE FUNCTION "feedback_totals"();

-- Views: every day counts in DailyTotals, and in the article's views30d from the window's first day on.
CREATE FUNCTION "view_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  window_start text := COALESCE((SELECT "startDay" FROM "TotalsWindow" WHERE "id" = 1), '');
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "ArticleTotals" SET "views30d" = "views30d" - CASE WHEN OLD."day" >= window_start THEN OLD."count" ELSE 0 END
      WHERE "articleId" = OLD."articleId";
    UPDATE "DailyTotals" SET "views" = "views" - OLD."count" WHERE "day" = OLD."day";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "ArticleTotals" ("articleId", "views30d")
      VALUES (NEW."articleId", CASE WHEN NEW."day" >= window_start THEN NEW."count" ELSE 0 END)
      ON CONFLICT ("articleId") DO UPDATE SET "views30d" = "ArticleTotals"."views30d" + excluded."views30d";
    INSERT INTO "DailyTotals" ("day", "views") VALUES (NEW."day", NEW."count")
      ON CONFLICT ("day") DO UPDATE SET "views" = "DailyTotals"."views" + excluded."views";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ArticleViewDay_totals" AFTER INSERT OR UPDATE OR DELETE ON "ArticleViewDay"
  FOR EACH ROW EXECUTE FUNCTION "view_totals"();

-- Backfill from what is stored. The window starts 29 days before today (UTC), so it holds 30 days.
INSERT INTO "TotalsWindow" ("id", "startDay") VALUES (1, to_char((now() AT TIME ZONE 'UTC')::date - 29, 'YYYY-MM-DD'));

INSERT INTO "ArticleTotals" ("articleId", "happy", "normal", "sad", "views30d")
SELECT a."id",
  (SELECT COUNT(*) FROM "Feedback" f WHERE f."articleId" = a."id" AND f."rating" = 'happy'),
  (SELECT COUNT(*) FROM "Feedback" f WHERE f."articleId" = a."id" AND f."rating" = 'normal'),
  (SELECT COUNT(*) FROM "Feedback" f WHERE f."articleId" = a."id" AND f."rating" = 'sad'),
  COALESCE((SELECT SUM(v."count") FROM "ArticleViewDay" v WHERE v."articleId" = a."id" AND v."day" >= (SELECT "startDay" FROM "TotalsWindow" WHERE "id" = 1)), 0)
FROM "Article" a;

INSERT INTO "DailyTotals" ("day", "happy", "normal", "sad", "views")
SELECT "day", SUM("happy"), SUM("normal"), SUM("sad"), SUM("views") FROM (
  SELECT to_char("updatedAt", 'YYYY-MM-DD') AS "day", ("rating" = 'happy')::int AS "happy", ("rating" = 'normal')::int AS "normal", ("rating" = 'sad')::int AS "sad", 0 AS "views" FROM "Feedback"
  UNION ALL
  SELECT "day", 0, 0, 0, "count" FROM "ArticleViewDay"
) AS "rows" GROUP BY "day";
