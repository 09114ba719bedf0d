-- Comments get a table of their own: a later vote used to overwrite Feedback.comment with null.
-- Every comment stored so far is carried over, with the revision its vote was about and the time
-- of that vote. It keeps the id of the Feedback row it came from.

-- CreateTable
CREATE TABLE "FeedbackComment" (
    "id" TEXT NOT NULL,
    "feedbackId" TEXT NOT NULL,
    "revisionId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackComment_pkey" PRIMARY KEY ("id")
);

-- CopyComments
INSERT INTO "FeedbackComment" ("id", "feedbackId", "revisionId", "body", "createdAt")
SELECT "id", "id", "revisionId", "comment", "updatedAt" FROM "Feedback"
WHERE "comment" IS NOT NULL AND btrim("comment") <> '';

-- AlterTable
ALTER TABLE "Feedback" DROP COLUMN "comment";

-- CreateIndex
CREATE INDEX "FeedbackComment_feedbackId_createdAt_idx" ON "FeedbackComment"("feedbackId", "createdAt");

-- CreateIndex
CREATE INDEX "FeedbackComment_createdAt_idx" ON "FeedbackComment"("createdAt");

-- AddForeignKey
ALTER TABLE "FeedbackComment" ADD CONSTRAINT "FeedbackComment_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackComment" ADD CONSTRAINT "FeedbackComment_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArticleRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
