"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Field } from "../ui/field";
import { buttonClass, inputClass } from "../ui/styles";
import { useActionForm } from "../ui/use-action-form";
import { saveSynonymAction } from "./actions";

/** "Words that mean the same": one group per submit, e.g. 2fa = two-factor = mfa. */
export function SynonymForm({ initial }: { initial: string }) {
  const router = useRouter();
  const { result, pending, onSubmit, fields, formError } = useActionForm(saveSynonymAction);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Add synonyms">
      <Field
        id="synonym-terms"
        label="Words that mean the same"
        hint="Separate them with = or commas, e.g. 2fa = two-factor = mfa. A search for any of them finds articles that use the others."
        error={fields.terms}
      >
        {(props) => (
          <input {...props} type="text" name="terms" defaultValue={initial} autoComplete="off" maxLength={700} className={inputClass(Boolean(fields.terms))} />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Saving…" : "Add synonyms"}
        </button>
        <p role="status" className="text-sm font-medium text-emerald-800">
          {result?.ok ? `Saved: ${result.data.terms.join(" = ")}. Customers' next searches use it.` : ""}
        </p>
        {formError && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {formError}
          </p>
        )}
      </div>
    </form>
  );
}
