"use client";
import { type FormEvent, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action";

/**
 * Sends a form to a staff server action by hand rather than as a form action: React clears a form
 * after a form action, and a refused form must keep what was typed. The form is cleared only on
 * success. Field errors and a form-wide error come back ready to show.
 */
export function useActionForm<T>(action: (data: FormData) => Promise<ActionResult<T>>) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const outcome = await action(data);
      if (outcome.ok) form.reset();
      setResult(outcome);
    });
  }
  const fields: Record<string, string> = result && !result.ok ? (result.fields ?? {}) : {};
  const formError = result && !result.ok && !result.fields ? result.error : null;
  return { result, pending, onSubmit, fields, formError };
}
