"use client";
// The theme switch: one button that steps through System, Light and Dark. The page's theme itself
// is on <html> (lib/theme.ts), set before this button exists; the button reads it from there.
// Its words are the page's language; on staff pages, outside the customer layout, English.
import { useSyncExternalStore } from "react";
import { useClientText } from "@/components/i18n/client-text";
import { fillText } from "@/lib/i18n/fill-text";
import { chooseTheme, THEME_CHOICES, type ThemeChoice } from "@/lib/theme";

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

function currentChoice(): ThemeChoice {
  const choice = document.documentElement.dataset.theme;
  return THEME_CHOICES.find((c) => c === choice) ?? "system";
}

export function ThemeSwitch({ className = "" }: { className?: string }) {
  const choice = useSyncExternalStore(subscribe, currentChoice, () => "system" as const);
  const next = THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length]!;
  const text = useClientText("Theme");
  return (
    <button
      type="button"
      data-theme-switch
      onClick={() => chooseTheme(next)}
      title={fillText(text.switchTo, { theme: text.choices[choice], next: text.choices[next] })}
      className={`grid size-9 shrink-0 place-items-center rounded-lg ${className}`}
    >
      <span className="sr-only">{fillText(text.current, { theme: text.choices[choice] })}</span>
      <ThemeIcon choice={choice} />
    </button>
  );
}

function ThemeIcon({ choice }: { choice: ThemeChoice }) {
  const paths: Record<ThemeChoice, string> = {
    // A screen: the system decides.
    system: "M3.5 5.5A1.5 1.5 0 0 1 5 4h14a1.5 1.5 0 0 1 1.5 1.5v9A1.5 1.5 0 0 1 19 16H5a1.5 1.5 0 0 1-1.5-1.5v-9ZM9 20h6M12 16v4",
    // A sun.
    light: "M12 4V2.5M12 21.5V20M4 12H2.5M21.5 12H20M6.3 6.3 5.2 5.2M18.8 18.8l-1.1-1.1M6.3 17.7l-1.1 1.1M18.8 5.2l-1.1 1.1M16 12a4 4 0 1 1-8 0 4 4 0 0 1 8 0Z",
    // A moon.
    dark: "M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11Z",
  };
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      className="size-5"
    >
      <path d={paths[choice]} />
    </svg>
  );
}
