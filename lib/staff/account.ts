// A staff member's own account: changing their password. The current password is asked for so a
// browser left signed in cannot be used to take the account over; a wrong one counts as a failed
// sign-in. The new password ends every other session, but not the one that changed it.
import { z } from "zod";
import { HttpError } from "../http-error";
import { hashPassword, verifyPassword } from "../auth/password";
import { authorize, type StaffContext } from "../auth/roles";
import { passwordSchema } from "../auth/schema";
import { hashToken } from "../auth/sessions";
import type { SignInThrottle } from "../auth/throttle";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024, "That password is too long."),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "Type the new password again." }).max(1024, "That password is too long."),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export interface ChangePasswordOptions {
  /** The cookie token of the session making the change; it stays signed in. */
  keepSessionToken?: string;
  /** Counts wrong current passwords with failed sign-ins, so guessing is slowed the same way. */
  throttle?: SignInThrottle;
  client?: string;
}

export async function changeOwnPassword(
  ctx: StaffContext,
  input: ChangePasswordInput,
  options: ChangePasswordOptions = {},
): Promise<{ endedSessions: number }> {
  const actor = authorize(ctx.actor, "editor");
  const keys = { account: actor.email, client: options.client ?? "unknown" };
  const wait = (await options.throttle?.retryAfterMs(keys)) ?? 0;
  if (wait > 0) throw new HttpError(429, `Too many wrong passwords. Try again in ${Math.max(1, Math.ceil(wait / 60_000))} minutes.`);

  const user = await ctx.db.staffUser.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await options.throttle?.recordFailure(keys);
    throw new HttpError(422, "Your current password is not right.", { currentPassword: "This is not your current password." });
  }
  await options.throttle?.recordSuccess(keys);

  await ctx.db.staffUser.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
  const keep = options.keepSessionToken ? hashToken(options.keepSessionToken) : null;
  const ended = await ctx.db.staffSession.deleteMany({ where: { userId: actor.id, ...(keep ? { tokenHash: { not: keep } } : {}) } });
  return { endedSessions: ended.count };
}
