-- Searches per language: each recorded search notes the language of the page (and index) it was
-- made on. Searches recorded before were all in the default language ("en").

-- AlterTable
ALTER TABLE "SearchEvent" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';
