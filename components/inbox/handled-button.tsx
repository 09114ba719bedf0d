"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/styles";
import { setRequestHandled } from "./actions";

/** "Mark handled" on an open request, "Reopen" on a handled one. */
export function HandledButton({ id, handled, name }: { id: string; handled: boolean; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={pending}
        className={buttonClass(handled ? "secondary" : "primary")}
        aria-label={`${handled ? "Reopen" : "Mark handled"} the request from ${name}`}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await setRequestHandled({ id, handled: !handled });
            if (result.ok) router.refresh();
            else setError(result.error);
          })
        }
      >
        {pending ? "Saving…" : handled ? "Reopen" : "Mark handled"}
      </button>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
