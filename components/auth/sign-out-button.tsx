"use client";
import { useActionState } from "react";
import { signOutAction } from "./actions";

/** Sign out, as a form that works before hydration too: the permalink gives it a real action URL. */
export function SignOutButton({ className }: { className: string }) {
  const [, action] = useActionState(signOutAction, undefined, "/staff/sign-in");
  return (
    <form action={action}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
