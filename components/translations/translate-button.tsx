"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/styles";
import { createTranslationFormAction } from "./actions";

/**
 * "Translate into Deutsch": creates a draft translation holding the source's text and opens its
 * editor. A plain form, so it works without JavaScript; a refusal is announced beside the button.
 */
export function TranslateButton({ sourceId, locale, languageName }: { sourceId: string; locale: string; languageName: string }) {
  // The permalink is the form's action until the page hydrates.
  const [state, formAction, pending] = useActionState(createTranslationFormAction, null, `/staff/articles/${sourceId}`);
  const errorId = `translate-${locale}-error`;
  const failed = state && !state.ok;
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className={buttonClass("secondary", "px-3 py-1.5")} disabled={pending} aria-describedby={failed ? errorId : undefined}>
        {pending ? `Creating the ${languageName} draft…` : `Translate into ${languageName}`}
      </button>
      {failed && (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-800">
          {state.error}
        </p>
      )}
    </form>
  );
}
