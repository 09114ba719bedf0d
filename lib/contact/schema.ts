// The "Still need help?" form, checked in the browser and again on the server.
import { z } from "zod";
import { slugSchema } from "../articles/slugs";

// This schema runs in the contact page's browser bundle too. Zod compiles object parsers with
// `new Function` when it may, and probes for that when an object schema is made: under the page's
// Content-Security-Policy (no 'unsafe-eval') the probe is refused and the browser records a CSP
// violation. Jitless, Zod never tries; these forms are far too small for compiling to matter.
z.config({ jitless: true });

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
  /** The signed time the form was loaded (lib/contact/form-token.ts). */
  formToken: z.string({ error: "is missing: send the form from the contact page" }).max(100, "is not valid"),
  /** A field people never see: anything in it was typed by a script. */
  website: z.string().max(500).optional(),
});

export type ContactInput = z.infer<typeof contactSchema>;
