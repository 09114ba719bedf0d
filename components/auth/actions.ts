"use server";
// Signing in and out. Sign-in is the one staff action open to anonymous visitors.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { endCurrentSession, safeReturnPath, setSessionCookie, signInWithPassword } from "@/lib/auth/current";
import { signInSchema } from "@/lib/auth/schema";
import { describeWait } from "@/lib/auth/sign-in";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { requestAddress } from "@/lib/request-client";

export interface SignInState {
  error?: string;
  email?: string;
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = typeof form.get("email") === "string" ? String(form.get("email")).slice(0, 254) : "";
  if (!parsed.success) return { error: "Enter your e-mail address and your password.", email };

  const client = requestAddress(await headers());
  const result = await signInWithPassword({ ...parsed.data, client }).catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (!result) return { email, error: "Signing in is not possible right now: the database is not answering. Try again in a minute." };
  if (!result.ok) {
    return {
      email,
      error: result.reason === "throttled" ? describeWait(result.retryAfterMs) : "That e-mail address and password do not match an active staff account.",
    };
  }
  // A new session every sign-in; whatever session this browser had before is revoked.
  await endCurrentSession();
  await setSessionCookie(result.token, result.expiresAt);
  redirect(safeReturnPath(form.get("next")));
}

export async function signOutAction() {
  await endCurrentSession();
  redirect("/staff/sign-in?signed-out=1");
}
