-- Languages. Every article so far is in the default language ("en"): a translation names the
-- article it translates (one per language), and a category keeps its name and description in
-- other languages as JSON. Columns are added, not tables rebuilt, so no other column is touched.

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "translations" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "translationOfId" TEXT;

-- CreateIndex
CREATE INDEX "Article_locale_status_categorySlug_idx" ON "Article"("locale", "status", "categorySlug");

-- CreateIndex
CREATE UNIQUE INDEX "Article_translationOfId_locale_key" ON "Article"("translationOfId", "locale");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_translationOfId_fkey" FOREIGN KEY ("translationOfId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

