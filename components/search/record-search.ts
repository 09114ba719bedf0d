// Tells the server about finished searches (see app/api/search-events): each final query once,
// never every keystroke, and which result was opened. Kept tiny and free of Zod on purpose: it
// ships with every customer page. The server checks and normalises everything again. Searches by
// signed-in staff (who also see internal articles) are not customer searches and are not recorded.
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { searchingAsStaff } from "./search-client";

const STORE = "hc:last-search";
type Last = { key: string; id: Promise<string | null> };

let last: Last | null = null;

/** Enough normalising to tell "DKIM  setup" and "dkim setup" apart from a new query. */
const keyOf = (query: string) => query.trim().replace(/\s+/g, " ").toLowerCase();

function post(url: string, body: object): Promise<Response> {
  // keepalive: the request survives the page being left for the article.
  return fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), keepalive: true });
}

// A full page load (Enter → /search) forgets module state; sessionStorage remembers the last
// query so the results page does not record it a second time.
function remembered(key: string): Last | null {
  if (last?.key === key) return last;
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORE) ?? "null") as { key?: string; id?: string } | null;
    if (stored?.key === key && stored.id) return (last = { key, id: Promise.resolve(stored.id) });
  } catch {}
  return null;
}

function send(query: string, resultCount: number, locale: string, openedSlug?: string): Promise<string | null> {
  const key = keyOf(query);
  const language = locale === DEFAULT_LOCALE ? {} : { locale };
  const id = post("/api/search-events", { query, resultCount, ...(openedSlug ? { openedSlug } : {}), ...language })
    .then((response) => (response.ok ? response.json() : null))
    .then((data: { id?: string } | null) => {
      if (!data?.id) return null;
      try {
        sessionStorage.setItem(STORE, JSON.stringify({ key, id: data.id }));
      } catch {}
      return data.id;
    })
    .catch(() => null);
  last = { key, id };
  return id;
}

/**
 * Records a final query unless it is the one recorded last. Queries under 2 characters are not
 * searches. `locale`: the page's language, whose index was searched.
 */
export function recordSearch(query: string, resultCount: number, locale: string = DEFAULT_LOCALE): void {
  const key = keyOf(query);
  if (key.length < 2 || searchingAsStaff() || remembered(key)) return;
  void send(query, resultCount, locale);
}

/** Records that a result was opened: on the search already recorded, or with a new one. */
export function recordOpen(query: string, resultCount: number, slug: string, locale: string = DEFAULT_LOCALE): void {
  const key = keyOf(query);
  if (key.length < 2 || searchingAsStaff()) return;
  const previous = remembered(key);
  if (!previous) {
    void send(query, resultCount, locale, slug);
    return;
  }
  void previous.id.then((id) => {
    if (id) post(`/api/search-events/${id}/open`, { slug }).catch(() => {});
  });
}
