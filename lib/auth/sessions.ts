// Staff sessions in the database. The cookie carries a random 256-bit token; the database keeps
// only its sha256, so a copy of the database cannot be replayed as a session.
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../db-client";
import { type Actor, parseRole } from "./roles";

/** A session ends after this long without use… */
export const SESSION_IDLE_MS = 24 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(db: Database, userId: string, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_MAX_MS);
  await db.staffSession.create({ data: { tokenHash: hashToken(token), userId, expiresAt, createdAt: now, lastSeenAt: now } });
  return { token, expiresAt };
}

/** The staff member a cookie token belongs to, or null if it is unknown, expired, idle too long or disabled. */
export async function findSessionActor(db: Database, token: string | undefined, now = new Date()): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const session = await db.staffSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!session) return null;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleFor > SESSION_IDLE_MS || session.user.disabledAt) {
    await db.staffSession.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idleFor > TOUCH_EVERY_MS) await db.staffSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, role: parseRole(user.role) };
}

export async function revokeSession(db: Database, token: string | undefined) {
  if (!token) return;
  await db.staffSession.deleteMany({ where: { tokenHash: hashToken(token) } });
}

export async function revokeAllSessions(db: Database, userId: string) {
  await db.staffSession.deleteMany({ where: { userId } });
}
