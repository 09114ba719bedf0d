"use client";
import { useEffect, useRef, useState } from "react";
import { buttonClass, type ButtonVariant } from "@/components/ui/styles";

/** A button that asks once more, inline (no browser dialog), before doing something hard to undo. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  variant = "secondary",
  disabled,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  variant?: ButtonVariant;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className={buttonClass(variant)} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span
      role="group"
      aria-label={question}
      className="inline-flex flex-wrap items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm"
    >
      <span className="text-slate-800">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className={buttonClass(variant === "danger" ? "danger" : "primary", "px-3 py-1")}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={buttonClass("ghost", "px-3 py-1")} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
