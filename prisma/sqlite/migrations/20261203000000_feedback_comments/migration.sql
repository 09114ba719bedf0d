-- Comments get a table of their own: a later vote used to overwrite Feedback.comment with null.
-- Every comment stored so far is carried over, with the revision its vote was about and the time
-- of that vote. It keeps the id of the Feedback row it came from.

-- CreateTable
CREATE TABLE "FeedbackComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "feedbackId" TEXT NOT NULL,
    "revisionId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FeedbackComment_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FeedbackComment_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArticleRevision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CopyComments
INSERT INTO "FeedbackComment" ("id", "feedbackId", "revisionId", "body", "createdAt")
SELECT "id", "id", "revisionId", "comment", "updatedAt" FROM "Feedback"
WHERE "comment" IS NOT NULL AND trim("comment") <> '';

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Feedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT,
    "visitorId" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Feedback_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Feedback_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArticleRevision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Feedback" ("articleId", "createdAt", "id", "rating", "revisionId", "updatedAt", "visitorId") SELECT "articleId", "createdAt", "id", "rating", "revisionId", "updatedAt", "visitorId" FROM "Feedback";
DROP TABLE "Feedback";
ALTER TABLE "new_Feedback" RENAME TO "Feedback";
CREATE INDEX "Feedback_articleId_rating_idx" ON "Feedback"("articleId", "rating");
CREATE UNIQUE INDEX "Feedback_articleId_visitorId_key" ON "Feedback"("articleId", "visitorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "FeedbackComment_feedbackId_createdAt_idx" ON "FeedbackComment"("feedbackId", "createdAt");

-- CreateIndex
CREATE INDEX "FeedbackComment_createdAt_idx" ON "FeedbackComment"("createdAt");
