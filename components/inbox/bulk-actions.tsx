"use client";
// The bar above the inbox that acts on every request ticked on this page: the checkboxes live in
// the request cards and belong to this form through their `form` attribute.
import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/styles";
import type { BulkAction, InboxFilter } from "@/lib/staff/inbox";
import { updateRequests } from "./actions";

export const BULK_FORM_ID = "inbox-bulk";

const BUTTONS: Record<InboxFilter, { to: BulkAction; label: string }[]> = {
  open: [
    { to: "handled", label: "Mark handled" },
    { to: "spam", label: "Mark as spam" },
  ],
  handled: [
    { to: "open", label: "Reopen" },
    { to: "spam", label: "Mark as spam" },
  ],
  spam: [{ to: "open", label: "Not spam: move to Open" }],
  all: [
    { to: "handled", label: "Mark handled" },
    { to: "open", label: "Reopen" },
    { to: "spam", label: "Mark as spam" },
  ],
};

const DONE: Record<BulkAction, string> = { handled: "marked handled", open: "moved to Open", spam: "moved to Spam" };

export function BulkActions({ filter }: { filter: InboxFilter }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const boxes = () => [...document.querySelectorAll<HTMLInputElement>(`input[name="ids"][form="${BULK_FORM_ID}"]`)];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const to = submitter?.value as BulkAction | undefined;
    const ids = boxes()
      .filter((box) => box.checked)
      .map((box) => box.value);
    if (!to) return;
    if (ids.length === 0) {
      setMessage({ text: "Tick the requests to change first.", error: true });
      return;
    }
    startTransition(async () => {
      const result = await updateRequests({ ids, to });
      if (!result.ok) {
        setMessage({ text: result.error, error: true });
        return;
      }
      setMessage({ text: `${result.data.count} request${result.data.count === 1 ? "" : "s"} ${DONE[to]}.`, error: false });
      router.refresh();
    });
  }

  return (
    <form
      id={BULK_FORM_ID}
      onSubmit={onSubmit}
      aria-label="Change the ticked requests"
      className="mb-4 flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3"
    >
      <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          className="size-4 accent-brand-700"
          onChange={(event) => {
            for (const box of boxes()) box.checked = event.currentTarget.checked;
          }}
        />
        Tick all on this page
      </label>
      <span className="flex flex-wrap gap-2">
        {BUTTONS[filter].map((button) => (
          <button
            key={button.to}
            type="submit"
            name="to"
            value={button.to}
            disabled={pending}
            className={buttonClass(button.to === "spam" ? "secondary" : "primary")}
          >
            {button.label}
          </button>
        ))}
      </span>
      <p role="status" className={`text-sm ${message?.error ? "font-medium text-red-700" : "text-slate-700"}`}>
        {pending ? "Saving…" : message?.text}
      </p>
    </form>
  );
}
