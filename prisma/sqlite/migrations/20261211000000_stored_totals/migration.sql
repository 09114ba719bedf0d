-- Running totals for the staff lists and insights, kept by triggers in the same transaction as each
-- vote and view, so no page has to add up every vote again. The source rows (Feedback and
-- ArticleViewDay) stay the truth: the backfill below and lib/feedback/totals.ts recount from them.
-- CreateTable
CREATE TABLE "ArticleTotals" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "happy" INTEGER NOT NULL DEFAULT 0,
    "normal" INTEGER NOT NULL DEFAULT 0,
    "sad" INTEGER NOT NULL DEFAULT 0,
    "views30d" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ArticleTotals_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DailyTotals" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "happy" INTEGER NOT NULL DEFAULT 0,
    "normal" INTEGER NOT NULL DEFAULT 0,
    "sad" INTEGER NOT NULL DEFAULT 0,
    "views" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "TotalsWindow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "startDay" TEXT NOT NULL
);

-- DropIndex
DROP INDEX "SearchEvent_createdAt_idx";

-- CreateIndex
CREATE INDEX "SearchEvent_createdAt_query_resultCount_openedSlug_idx" ON "SearchEvent"("createdAt", "query", "resultCount", "openedSlug");

-- CreateIndex
CREATE INDEX "SearchEvent_resultCount_createdAt_query_idx" ON "SearchEvent"("resultCount", "createdAt", "query");

-- CreateIndex
CREATE INDEX "ArticleTotals_views30d_idx" ON "ArticleTotals"("views30d");


-- Ratings: a vote counts for its article, and on the UTC day of its latest change. Prisma's
-- adapter writes DateTime as ISO text, and reads integers as Unix milliseconds (the older
-- engines' format), so the day is taken from either.
CREATE TRIGGER "Feedback_totals_insert" AFTER INSERT ON "Feedback"
BEGIN
  INSERT INTO "ArticleTotals" ("articleId", "happy", "normal", "sad")
    VALUES (NEW."articleId", NEW."rating" = 'happy', NEW."rating" = 'normal', NEW."rating" = 'sad')
    ON CONFLICT ("articleId") DO UPDATE SET
      "happy" = "happy" + excluded."happy", "normal" = "normal" + excluded."normal", "sad" = "sad" + excluded."sad";
  INSERT INTO "DailyTotals" ("day", "happy", "normal", "sad")
    VALUES ((CASE WHEN typeof(NEW."updatedAt") IN ('integer', 'real') THEN date(NEW."updatedAt" / 1000, 'unixepoch') ELSE date(NEW."updatedAt") END), NEW."rating" = 'happy', NEW."rating" = 'normal', NEW."rating" = 'sad')
    ON CONFLICT ("day") DO UPDATE SET
      "happy" = "happy" + excluded."happy", "normal" = "normal" + excluded."normal", "sad" = "sad" + excluded."sad";
END;

CREATE TRIGGER "Feedback_totals_update" AFTER UPDATE OF "rating", "updatedAt", "articleId" ON "Feedback"
WHEN OLD."rating" IS NOT NEW."rating" OR (CASE WHEN typeof(OLD."updatedAt") IN ('integer', 'real') THEN date(OLD."updatedAt" / 1000, 'unixepoch') ELSE date(OLD."updatedAt") END) IS NOT (CASE WHEN typeof(NEW."updatedAt") IN ('integer', 'real') THEN date(NEW."updatedAt" / 1000, 'unixepoch') ELSE date(NEW."updatedAt") END) OR OLD."articleId" IS NOT NEW."articleId"
BEGIN
  UPDATE "ArticleTotals" SET
      "happy" = "happy" - (OLD."rating" = 'happy'), "normal" = "normal" - (OLD."rating" = 'normal'), "sad" = "sad" - (OLD."rating" = 'sad')
    WHERE "articleId" = OLD."articleId";
  UPDATE "DailyTotals" SET
      "happy" = "happy" - (OLD."rating" = 'happy'), "normal" = "normal" - (OLD."rating" = 'normal'), "sad" = "sad" - (OLD."rating" = 'sad')
    WHERE "day" = (CASE WHEN typeof(OLD."updatedAt") IN ('integer', 'real') THEN date(OLD."updatedAt" / 1000, 'unixepoch') ELSE date(OLD."updatedAt") END);
  INSERT INTO "ArticleTotals" ("articleId", "happy", "normal", "sad")
    VALUES (NEW."articleId", NEW."rating" = 'happy', NEW."rating" = 'normal', NEW."rating" = 'sad')
    ON CONFLICT ("articleId") DO UPDATE SET
      "happy" = "happy" + excluded."happy", "normal" = "normal" + excluded."normal", "sad" = "sad" + excluded."sad";
  INSERT INTO "DailyTotals" ("day", "happy", "normal", "sad")
    VALUES ((CASE WHEN typeof(NEW."updatedAt") IN ('integer', 'real') THEN date(NEW."updatedAt" / 1000, 'unixepoch') ELSE date(NEW."updatedAt") END), NEW."rating" = 'happy', NEW."rating" = 'normal', NEW."rating" = 'sad')
    ON CONFLICT ("day") DO UPDATE SET
      "happy" = "happy" + excluded."happy", "normal" = "normal" + excluded."normal", "sad" = "sad" + excluded."sad";
END;

-- Only UPDATE here: when a deleted article takes its votes with it, its totals row may be gone already.
CREATE TRIGGER "Feedback_totals_delete" AFTER DELETE ON "Feedback"
BEGIN
  UPDATE "ArticleTotals" SET
      "happy" = "happy" - (OLD."rating" = 'happy'), "normal" = "normal" - (OLD."rating" = 'normal'), "sad" = "sad" - (OLD."rating" = 'sad')
    WHERE "articleId" = OLD."articleId";
  UPDATE "DailyTotals" SET
      "happy" = "happy" - (OLD."rating" = 'happy'), "normal" = "normal" - (OLD."rating" = 'normal'), "sad" = "sad" - (OLD."rating" = 'sad')
    WHERE "day" = (CASE WHEN typeof(OLD."updatedAt") IN ('integer', 'real') THEN date(OLD."updatedAt" / 1000, 'unixepoch') ELSE date(OLD."updatedAt") END);
END;

-- Views: every day counts in DailyTotals, and in the article's views30d from the window's first day on.
CREATE TRIGGER "ArticleViewDay_totals_insert" AFTER INSERT ON "ArticleViewDay"
BEGIN
  INSERT INTO "ArticleTotals" ("articleId", "views30d")
    SELECT NEW."articleId", CASE WHEN NEW."day" >= COALESCE((SELECT "startDay" FROM "TotalsWindow" WHERE "id" = 1), '') THEN NEW."count" ELSE 0 END
    WHERE true
    ON CONFLICT ("articleId") DO UPDATE SET "views30d" = "views30d" + excluded."views30d";
  INSERT INTO "DailyTotals" ("day", "views") VALUES (NEW."day", NEW."count")
    ON CONFLICT ("day") DO UPDATE SET "views" = "views" + excluded."views";
END;

CREATE TRIGGER "ArticleViewDay_totals_update" AFTER UPDATE ON "ArticleViewDay"
BEGIN
  UPDATE "ArticleTotals" SET "views30d" = "views30d"
      - CASE WHEN OLD."day" >= COALESCE((SELECT "startDay" FROM "TotalsWindow" WHERE "id" = 1), '') THEN OLD."count" ELSE 0 END
    WHERE "articleId" = OLD."articleId";
  UPDATE "DailyTotals" SET "views" = "views" - OLD."count" WHERE "day" = OLD."day";
  INSERT INTO "ArticleTotals" ("articleId", "views30d")
    SELECT NEW."articleId", CASE WHEN NEW."day" >= COALESCE((SELECT "startDay" FROM "TotalsWindow" WHERE "id" = 1), '') THEN NEW."count" ELSE 0 END
    WHERE true
    ON CONFLICT ("articleId") DO UPDATE SET "views30d" = "views30d" + excluded."views30d";
  INSERT INTO "DailyTotals" ("day", "views") VALUES (NEW."day", NEW."count")
    ON CONFLICT ("day") DO UPDATE SET "views" = "views" + excluded."views";
END;

CREATE TRIGGER "ArticleViewDay_totals_delete" AFTER DELETE ON "ArticleViewDay"
BEGIN
  UPDATE "ArticleTotals" SET "views30d" = "views30d"
      - CASE WHEN OLD."day" >= COALESCE((SELECT "startDay" FROM "TotalsWindow" WHERE "id" = 1), '') THEN OLD."count" ELSE 0 END
    WHERE "articleId" = OLD."articleId";
  UPDATE "DailyTotals" SET "views" = "views" - OLD."count" WHERE "day" = OLD."day";
END;

-- Backfill from what is stored. The window starts 29 days before today (UTC), so it holds 30 days.
INSERT INTO "TotalsWindow" ("id", "startDay") VALUES (1, date('now', '-29 days'));

INSERT INTO "ArticleTotals" ("articleId", "happy", "normal", "sad", "views30d")
SELECT a."id",
  (SELECT COUNT(*) FROM "Feedback" f WHERE f."articleId" = a."id" AND f."rating" = 'happy'),
  (SELECT COUNT(*) FROM "Feedback" f WHERE f."articleId" = a."id" AND f."rating" = 'normal'),
  (SELECT COUNT(*) FROM "Feedback" f WHERE f."articleId" = a."id" AND f."rating" = 'sad'),
  COALESCE((SELECT SUM(v."count") FROM "ArticleViewDay" v WHERE v."articleId" = a."id" AND v."day" >= date('now', '-29 days')), 0)
FROM "Article" a;

INSERT INTO "DailyTotals" ("day", "happy", "normal", "sad", "views")
SELECT "day", SUM("happy"), SUM("normal"), SUM("sad"), SUM("views") FROM (
  SELECT (CASE WHEN typeof("updatedAt") IN ('integer', 'real') THEN date("updatedAt" / 1000, 'unixepoch') ELSE date("updatedAt") END) AS "day", "rating" = 'happy' AS "happy", "rating" = 'normal' AS "normal", "rating" = 'sad' AS "sad", 0 AS "views" FROM "Feedback"
  UNION ALL
  SELECT "day", 0, 0, 0, "count" FROM "ArticleViewDay"
) GROUP BY "day";
