-- CreateIndex
CREATE INDEX "Feedback_updatedAt_idx" ON "Feedback"("updatedAt");

-- CreateIndex
CREATE INDEX "ArticleViewDay_day_idx" ON "ArticleViewDay"("day");
