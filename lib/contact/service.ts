// Stores "Still need help?" requests for the support team, after the checks that keep the inbox
// for people: a hidden field that only scripts fill in, a signed load time that must be a few
// seconds old (lib/contact/form-token.ts), and a per-client limit (lib/limits/limits.ts).
import { findPublishedArticleId } from "../articles/reads";
import type { SiteContext } from "../context";
import { HttpError } from "../http-error";
import { enforceLimit, type PublicClient } from "../limits/limits";
import { checkFormToken } from "./form-token";
import type { ContactInput } from "./schema";

const TOKEN_PROBLEMS = {
  invalid: "This message was not sent from our contact page. Open the contact page and send it from there.",
  expired: "This form is more than a day old. Reload the page and send your message again; copy it first so it is not lost.",
  "too-fast": "That was sent faster than anyone can type. Wait a few seconds, then send it again.",
} as const;

export async function createContactRequest(ctx: SiteContext, input: ContactInput, client: PublicClient) {
  if (input.website) throw new HttpError(422, "Leave the field marked “leave this empty” empty, then send again.", { website: "must be left empty" });
  const token = await checkFormToken(ctx, input.formToken);
  if (token !== "ok") throw new HttpError(422, TOKEN_PROBLEMS[token], { formToken: token });
  let articleId: string | null = null;
  if (input.article) {
    const article = await findPublishedArticleId(ctx, input.article);
    if (!article) throw new HttpError(422, `article: there is no published article "${input.article}".`, { article: "is not a published article" });
    articleId = article.id;
  }
  await enforceLimit(ctx, "contact", client);
  return ctx.db.contactRequest.create({
    data: { name: input.name, email: input.email, message: input.message, articleId },
    select: { id: true },
  });
}
