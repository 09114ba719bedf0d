// Checking a password, with throttling. Kept apart from cookies so it can be tested directly.
import type { Database } from "../db-client";
import { verifyAgainstDecoy, verifyPassword } from "./password";
import type { SignInThrottle } from "./throttle";
import { createSession } from "./sessions";

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

export async function signIn(
  db: Database,
  throttle: SignInThrottle,
  { email, password, client }: { email: string; password: string; client: string },
): Promise<SignInResult> {
  const keys = { account: email, client };
  const wait = await throttle.retryAfterMs(keys);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterMs: wait };

  const user = await db.staffUser.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  // A disabled account answers exactly like a wrong password.
  if (!user || !valid || user.disabledAt) {
    const blockedFor = await throttle.recordFailure(keys);
    return blockedFor > 0 ? { ok: false, reason: "throttled", retryAfterMs: blockedFor } : { ok: false, reason: "invalid" };
  }

  await throttle.recordSuccess(keys);
  await db.staffUser.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  const session = await createSession(db, user.id);
  return { ok: true, userId: user.id, ...session };
}

export function describeWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
