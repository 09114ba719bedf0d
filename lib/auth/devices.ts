// Browsers a staff member has signed in from: a random token in a long-lived HttpOnly cookie,
// stored as its sha256. Such a browser is exempt from the account-wide sign-in limit, so failed
// guesses from elsewhere cannot lock the owner out (lib/auth/throttle.ts). Disabling an account or
// resetting its password forgets its devices.
import { randomBytes } from "node:crypto";
import type { Database } from "../db-client";
import { hashToken } from "./sessions";

/** Kept for a year after its last use. */
export const DEVICE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** Whether `token` is a device `userId` has signed in from. */
export async function isKnownDevice(db: Database, userId: string, token: string | undefined): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const device = await db.staffDevice.findUnique({ where: { tokenHash: hashToken(token) }, select: { userId: true } });
  return device?.userId === userId;
}

/** After a sign-in: the browser's device token, refreshed, or a new one. */
export async function rememberDevice(db: Database, userId: string, token: string | undefined, now = new Date()): Promise<string> {
  if (token && (await isKnownDevice(db, userId, token))) {
    await db.staffDevice.update({ where: { tokenHash: hashToken(token) }, data: { lastUsedAt: now } });
    return token;
  }
  const fresh = randomBytes(32).toString("base64url");
  await db.staffDevice.create({ data: { tokenHash: hashToken(fresh), userId, createdAt: now, lastUsedAt: now } });
  return fresh;
}

export async function forgetDevices(db: Database, userId: string) {
  await db.staffDevice.deleteMany({ where: { userId } });
}
