// What a search query looks like once stored: the same need typed differently counts once
// ("  DKIM  Setup" and "dkim setup"), and personal data people paste into search boxes (their
// e-mail address, a phone, order or card number) never reaches the database.

/** Stored queries are capped: longer ones are pasted text, not searches worth grouping. */
export const STORED_QUERY_MAX = 100;
/** Shorter queries say nothing about what the person needed. */
export const QUERY_MIN = 2;

// Anything@anything: addresses without a dot ("ann@mailhost") are still someone's address.
const EMAIL = /[^\s@]+@[^\s@]+/g;
// Six or more digits, also when written in groups ("+44 20 7946 0958", "4111-1111-1111-1111").
const LONG_NUMBER = /\+?\d(?:[ .\-/()]?\d){5,}/g;

/** Trims, collapses spaces, lowercases, masks e-mail addresses and long numbers, caps the length. */
export function normalizeSearchQuery(raw: string): string {
  const masked = raw.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().replace(EMAIL, "[email]").replace(LONG_NUMBER, "[number]");
  return masked.slice(0, STORED_QUERY_MAX).trim();
}
