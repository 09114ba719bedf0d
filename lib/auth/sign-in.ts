// Checking a password, with throttling. Kept apart from cookies so it can be tested directly.
import type { Database } from "../db-client";
import { isKnownDevice, rememberDevice } from "./devices";
import { verifyAgainstDecoy, verifyPassword } from "./password";
import type { SignInThrottle } from "./throttle";
import { createSession } from "./sessions";

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: string; deviceToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

export async function signIn(
  db: Database,
  throttle: SignInThrottle,
  { email, password, client, deviceToken }: { email: string; password: string; client: string; deviceToken?: string | undefined },
): Promise<SignInResult> {
  const user = await db.staffUser.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } });
  // Looked up whether or not the account exists, so the answer takes as long either way.
  const knownDevice = await isKnownDevice(db, user?.id ?? "", deviceToken);
  const keys = { account: email, client, knownDevice };
  const wait = await throttle.retryAfterMs(keys);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterMs: wait };

  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  // A disabled account answers exactly like a wrong password.
  if (!user || !valid || user.disabledAt) {
    const blockedFor = await throttle.recordFailure(keys);
    return blockedFor > 0 ? { ok: false, reason: "throttled", retryAfterMs: blockedFor } : { ok: false, reason: "invalid" };
  }

  await throttle.recordSuccess(keys);
  await db.staffUser.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  const session = await createSession(db, user.id);
  return { ok: true, userId: user.id, deviceToken: await rememberDevice(db, user.id, deviceToken), ...session };
}

export function describeWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
