"use client";
import { useActionState } from "react";
import { buttonClass, inputClass, labelClass } from "../ui/styles";
import { signInAction, type SignInState } from "./actions";

export function SignInForm({ next }: { next: string }) {
  // The permalink is the form's action before the page has hydrated (and its only action without
  // JavaScript); without it React writes action="", which HTML does not allow.
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {}, "/staff/sign-in");
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="next" value={next} />
      {state.error && (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm font-medium text-red-800">
          {state.error}
        </p>
      )}
      <div>
        <label htmlFor="email" className={labelClass}>
          E-mail address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          defaultValue={state.email}
          className={inputClass(Boolean(state.error), "mt-1.5")}
        />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          className={inputClass(Boolean(state.error), "mt-1.5")}
        />
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary", "w-full py-2.5")}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
