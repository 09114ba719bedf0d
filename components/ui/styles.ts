// Shared class names for the staff area's controls, so every button and input looks and focuses alike.
export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

const buttonBase =
  "inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60";

const buttonVariants: Record<ButtonVariant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  ghost: "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
};

export function buttonClass(variant: ButtonVariant = "primary", extra = ""): string {
  return `${buttonBase} ${buttonVariants[variant]} ${extra}`.trim();
}

export function inputClass(invalid = false, extra = ""): string {
  return `w-full rounded-lg border bg-white px-3 py-2 text-slate-900 focus:ring-4 focus:ring-brand-600/25 focus:outline-none ${
    invalid ? "border-red-600" : "border-slate-300 focus:border-brand-700"
  } ${extra}`.trim();
}

export const labelClass = "block text-sm font-medium text-slate-900";
export const cardClass = "rounded-xl border border-slate-200 bg-white";
export const tableClass = "w-full border-collapse text-left text-sm";
export const thClass = "border-b border-slate-200 px-3 py-2 font-semibold text-slate-700";
export const tdClass = "border-b border-slate-100 px-3 py-2 align-top";
