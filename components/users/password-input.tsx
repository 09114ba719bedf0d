"use client";
import { useState } from "react";
import { inputClass } from "../ui/styles";

/** A password field with a button that shows what was typed, for passwords set for someone else or yourself. */
export function PasswordInput({
  id,
  name,
  autoComplete = "new-password",
  invalid = false,
  describedBy,
  label,
}: {
  id: string;
  name: string;
  autoComplete?: string;
  invalid?: boolean;
  describedBy?: string;
  /** The field's label, so the toggle can say which password it shows. */
  label: string;
}) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="flex gap-2">
      <input
        id={id}
        name={name}
        type={visible ? "text" : "password"}
        autoComplete={autoComplete}
        required
        maxLength={128}
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={inputClass(invalid, "min-w-0 flex-1")}
      />
      <button
        type="button"
        onClick={() => setVisible((v) => !v)}
        aria-pressed={visible}
        aria-controls={id}
        aria-label={`Show ${label.toLowerCase()}`}
        className="shrink-0 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 focus:ring-4 focus:ring-brand-600/25 focus:outline-none"
      >
        {visible ? "Hide" : "Show"}
      </button>
    </div>
  );
}
