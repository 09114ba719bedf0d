-- Who may read an article: public (everyone, as every article so far) or internal (signed-in
-- staff only). Kept on the article (what customer reads filter on), on each revision (history)
-- and on the draft (the editor's working copy).

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "audience" TEXT NOT NULL DEFAULT 'public';

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN "audience" TEXT NOT NULL DEFAULT 'public';

-- AlterTable
ALTER TABLE "ArticleDraft" ADD COLUMN "audience" TEXT NOT NULL DEFAULT 'public';
