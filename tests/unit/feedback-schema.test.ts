import { describe, expect, it } from "vitest";
import { contactSchema } from "@/lib/contact/schema";
import { COMMENT_MAX } from "@/lib/feedback/constants";
import { feedbackSchema } from "@/lib/feedback/schema";

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("feedback rules", () => {
  it("accepts the three ratings", () => {
    for (const rating of ["happy", "normal", "sad"]) {
      expect(feedbackSchema.safeParse({ article: "mx-records", rating }).success).toBe(true);
    }
  });

  it("refuses an unknown rating with the values it accepts", () => {
    expect(errorsOf(feedbackSchema.safeParse({ article: "mx-records", rating: "meh" }))).toEqual({
      rating: "must be one of happy, normal or sad",
    });
  });

  it("takes a comment only with a Sad rating, up to the limit", () => {
    expect(feedbackSchema.safeParse({ article: "mx-records", rating: "sad", comment: "x".repeat(COMMENT_MAX) }).success).toBe(true);
    expect(errorsOf(feedbackSchema.safeParse({ article: "mx-records", rating: "sad", comment: "x".repeat(COMMENT_MAX + 1) }))).toEqual({
      comment: `must be at most ${COMMENT_MAX} characters`,
    });
    expect(errorsOf(feedbackSchema.safeParse({ article: "mx-records", rating: "happy", comment: "great" }))).toEqual({
      comment: "can only be sent with a Sad rating",
    });
  });

  it("refuses path tricks in the article slug and unknown fields", () => {
    expect(feedbackSchema.safeParse({ article: "../etc/passwd", rating: "sad" }).success).toBe(false);
    expect(feedbackSchema.safeParse({ article: "a%2Fb", rating: "sad" }).success).toBe(false);
    expect(errorsOf(feedbackSchema.safeParse({ article: "mx-records", rating: "sad", visitorId: "x" }))).toHaveProperty([""]);
  });
});

describe("contact rules", () => {
  it("says what is wrong with each field", () => {
    expect(errorsOf(contactSchema.safeParse({ name: " ", email: "nope", message: "hi" }))).toEqual({
      name: "Please tell us your name.",
      email: "Please enter an email address like name@example.com.",
      message: "Please describe what you need in at least 10 characters.",
      formToken: "is missing: send the form from the contact page",
    });
  });

  it("trims and accepts a complete request, with the form's token and its hidden field", () => {
    const input = {
      name: " Ada ",
      email: "ada@example.com ",
      message: "My mail stopped syncing.",
      article: "mailbox-full",
      formToken: "1764760000000.x",
      website: "",
    };
    expect(contactSchema.parse(input)).toEqual({ ...input, name: "Ada", email: "ada@example.com" });
  });
});
