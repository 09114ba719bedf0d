// Stores "Still need help?" requests for the support team.
import "server-only";
import { findPublishedArticleId } from "../articles";
import { db } from "../db";
import { HttpError } from "../http";
import type { ContactInput } from "./schema";

export async function createContactRequest(input: ContactInput) {
  let articleId: string | null = null;
  if (input.article) {
    const article = await findPublishedArticleId(input.article);
    if (!article) throw new HttpError(422, `article: there is no published article "${input.article}".`, { article: "is not a published article" });
    articleId = article.id;
  }
  return db.contactRequest.create({
    data: { name: input.name, email: input.email, message: input.message, articleId },
    select: { id: true },
  });
}
