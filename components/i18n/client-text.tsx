"use client";

// The page's language and the interface strings client components show (the search box, the
// rating, the contact form, the theme switch), given once by the customer layout. Only the strings
// of the page's language reach the browser, with no formatting library: placeholders are filled
// with fillText (lib/i18n/fill-text.ts).
import { createContext, type ReactNode, use } from "react";
import type { ClientMessages } from "@/lib/i18n/messages";

interface ClientText {
  locale: string;
  text: ClientMessages;
}

const Context = createContext<ClientText | null>(null);

export function ClientTextProvider({ locale, text, children }: ClientText & { children: ReactNode }) {
  return <Context value={{ locale, text }}>{children}</Context>;
}

function useClientTextContext(): ClientText {
  const value = use(Context);
  if (!value) throw new Error("useClientText is used outside ClientTextProvider (app/[locale]/layout.tsx gives it)");
  return value;
}

/** One namespace's strings in the page's language. */
export function useClientText<N extends keyof ClientMessages>(namespace: N): ClientMessages[N] {
  return useClientTextContext().text[namespace];
}

/** The page's language code ("en", "de"). */
export function usePageLocale(): string {
  return useClientTextContext().locale;
}
