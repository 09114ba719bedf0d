-- Searches per language: each recorded search notes the language of the page (and index) it was
-- made on. Searches recorded before were all in the default language ("en"). A column is added,
-- not the table rebuilt, so no other column is touched.

-- AlterTable
ALTER TABLE "SearchEvent" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
