// The colour theme: the reader's choice of system, light or dark, kept in localStorage and shown as
// class "light" or "dark" on <html> (app/theme.css), with the choice itself in data-theme. An inline
// script in the head applies it before the first paint, so a page never flashes the wrong theme,
// and again whenever the system's setting changes or another tab makes a choice.
export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const THEME_STORAGE_KEY = "theme";

/**
 * Applies a choice, or else the stored one (or else the system's setting), to <html>. It is also the
 * inline script's body, as text: it must use nothing but its arguments and the browser's globals.
 */
function applyTheme(storageKey: string, chosen?: string): void {
  let choice = chosen ?? null;
  try {
    choice ??= localStorage.getItem(storageKey);
  } catch {
    // Storage blocked (a privacy setting): follow the system.
  }
  if (choice !== "light" && choice !== "dark") choice = "system";
  const dark = choice === "dark" || (choice === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  const root = document.documentElement;
  root.classList.toggle("dark", dark);
  root.classList.toggle("light", !dark);
  root.dataset.theme = choice;
}

/** Remembers a choice ("system" forgets the stored one) and applies it at once. */
export function chooseTheme(choice: ThemeChoice): void {
  try {
    if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage blocked: the choice holds until the page is left.
  }
  applyTheme(THEME_STORAGE_KEY, choice);
}

/** The script for the document's head; the server's CSP hashes it like every inline script. */
export const THEME_SCRIPT = `(() => {
  const apply = ${applyTheme.toString()};
  const key = ${JSON.stringify(THEME_STORAGE_KEY)};
  apply(key);
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => apply(key));
  addEventListener("storage", (event) => event.key === key && apply(key));
})();`;
