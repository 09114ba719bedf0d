// Ratings as the widget sends them and the server re-parses them.
import { z } from "zod";
import { slugSchema } from "../articles/slugs";

import { COMMENT_MAX, RATINGS } from "./constants";

export const feedbackSchema = z
  .strictObject({
    article: slugSchema,
    rating: z.enum(RATINGS, { error: "must be one of happy, normal or sad" }),
    comment: z.string({ error: "must be text" }).trim().max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`).optional(),
  })
  .refine((input) => !input.comment || input.rating === "sad", {
    path: ["comment"],
    message: "can only be sent with a Sad rating",
  });

export type FeedbackInput = z.infer<typeof feedbackSchema>;

export const feedbackQuerySchema = z.object({ article: slugSchema });

/** The visitor's random id: a UUID, nothing that identifies a person. */
export const visitorIdSchema = z.uuid();
export const VISITOR_COOKIE = "hc_visitor";
