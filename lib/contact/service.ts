// Stores "Still need help?" requests for the support team.
import { findPublishedArticleId } from "../articles/reads";
import type { SiteContext } from "../context";
import { HttpError } from "../http-error";
import type { ContactInput } from "./schema";

export async function createContactRequest(ctx: SiteContext, input: ContactInput) {
  let articleId: string | null = null;
  if (input.article) {
    const article = await findPublishedArticleId(ctx, input.article);
    if (!article) throw new HttpError(422, `article: there is no published article "${input.article}".`, { article: "is not a published article" });
    articleId = article.id;
  }
  return ctx.db.contactRequest.create({
    data: { name: input.name, email: input.email, message: input.message, articleId },
    select: { id: true },
  });
}
