// The signed-in staff member of the current request, and the cookie that carries their session.
// Every staff page, server action and route handler starts here; nothing relies on middleware.
import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db";
import { type Actor, authorize, hasRole, type Role, type StaffContext } from "./roles";
import { revokeSession, findSessionActor } from "./sessions";
import { DEVICE_MAX_AGE_S } from "./devices";
import { signIn } from "./sign-in";
import { SignInThrottle } from "./throttle";
import { DEVICE_COOKIE, secureCookies as secure, SESSION_COOKIE, STAFF_HINT_COOKIE } from "./cookies";

export { SESSION_COOKIE };

export async function setSessionCookie(token: string, expiresAt: Date) {
  const jar = await cookies();
  jar.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", expires: expiresAt });
  jar.set(STAFF_HINT_COOKIE, "1", { httpOnly: false, sameSite: "lax", secure, path: "/", expires: expiresAt });
}

export async function endCurrentSession() {
  const jar = await cookies();
  await revokeSession(db, jar.get(SESSION_COOKIE)?.value);
  jar.delete({ name: SESSION_COOKIE, path: "/", secure, httpOnly: true, sameSite: "lax" });
  jar.delete({ name: STAFF_HINT_COOKIE, path: "/", secure, sameSite: "lax" });
}

/** The signed-in staff member, looked up once per request. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return findSessionActor(db, token);
});

/** What lib/staff functions receive: they authorize the actor themselves. */
export async function getStaffContext(): Promise<StaffContext> {
  return { db, actor: await getCurrentActor() };
}

/** For pages: sends anonymous visitors to sign in, and answers 403 to staff without the role. */
export async function requirePageActor(role: Role = "editor", returnTo?: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) {
    const next = safeReturnPath(returnTo);
    redirect(next === "/staff" ? "/staff/sign-in" : `/staff/sign-in?next=${encodeURIComponent(next)}`);
  }
  if (!hasRole(actor, role)) forbidden();
  return actor;
}

/** For route handlers: 401 for anonymous requests, 403 without the role (answered as JSON by handle()). */
export async function requireRouteActor(role: Role = "editor"): Promise<Actor> {
  return authorize(await getCurrentActor(), role);
}

let throttle: SignInThrottle | null = null;
export function getSignInThrottle(): SignInThrottle {
  throttle ??= new SignInThrottle(db);
  return throttle;
}

/**
 * Checks a password against the server's database, throttled per account and client
 * (lib/auth/sign-in.ts); on success the browser is remembered as one its owner uses.
 */
export async function signInWithPassword(credentials: { email: string; password: string; client: string }) {
  const jar = await cookies();
  const result = await signIn(db, getSignInThrottle(), { ...credentials, deviceToken: jar.get(DEVICE_COOKIE)?.value });
  if (result.ok) jar.set(DEVICE_COOKIE, result.deviceToken, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: DEVICE_MAX_AGE_S });
  return result;
}

/** Where to go after signing in: only paths inside the staff area, never another site. */
export function safeReturnPath(value: unknown): string {
  return typeof value === "string" && /^\/staff(\/[\w\-./?=&%+,]*)?$/.test(value) && !value.includes("//") && !value.startsWith("/staff/sign-in")
    ? value
    : "/staff";
}
