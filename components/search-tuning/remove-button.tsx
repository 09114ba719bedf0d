"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { buttonClass } from "../ui/styles";
import { deletePinAction, deleteSynonymAction } from "./actions";

const ACTIONS: Record<"synonym" | "pin", (input: { id: string }) => Promise<ActionResult<{ id: string }>>> = {
  synonym: deleteSynonymAction,
  pin: deletePinAction,
};

/** Removes a synonym group or a pin; `label` names it for screen readers. */
export function RemoveButton({ kind, id, label }: { kind: "synonym" | "pin"; id: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={pending}
        aria-label={`Remove ${label}`}
        className={buttonClass("secondary")}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await ACTIONS[kind]({ id });
            if (result.ok) router.refresh();
            else setError(result.error);
          })
        }
      >
        {pending ? "Removing…" : "Remove"}
      </button>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
