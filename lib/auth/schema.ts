// Staff account input, shared by the forms, the server actions and `npm run staff:create`.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";
import { ROLES } from "./roles";

const emailSchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .max(254, "That e-mail address is too long.")
  .pipe(z.email("Enter an e-mail address like name@example.com."));

// Length only, counted in characters, never truncated: long passphrases are welcome.
export const passwordSchema = z
  .string({ error: "is required" })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

const nameSchema = z.string({ error: "is required" }).trim().min(1, "Enter a name.").max(100, "Keep the name under 100 characters.");

export const roleSchema = z.enum(ROLES, { error: 'must be "editor" or "admin"' });

export const signInSchema = z.object({
  email: z.string({ error: "is required" }).trim().toLowerCase().min(1, "Enter your e-mail address.").max(254, "That e-mail address is too long."),
  // Not checked for length here: a wrong password is simply wrong.
  password: z.string({ error: "is required" }).min(1, "Enter your password.").max(1024, "That password is too long."),
});

export const createStaffUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: passwordSchema,
});

export type CreateStaffUserInput = z.infer<typeof createStaffUserSchema>;
