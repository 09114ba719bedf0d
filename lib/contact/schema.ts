// The "Still need help?" form, checked in the browser and again on the server.
import { z } from "zod";
import { slugSchema } from "../articles/slugs";

export const contactSchema = z.strictObject({
  name: z.string({ error: "is required" }).trim().min(1, "Please tell us your name.").max(100, "Please keep your name under 100 characters."),
  email: z
    .string({ error: "is required" })
    .trim()
    .max(254, "That email address is too long.")
    .pipe(z.email("Please enter an email address like name@example.com.")),
  message: z
    .string({ error: "is required" })
    .trim()
    .min(10, "Please describe what you need in at least 10 characters.")
    .max(5000, "Please keep your message under 5,000 characters."),
  article: slugSchema.optional(),
});

export type ContactInput = z.infer<typeof contactSchema>;
