// Where the instant search runs. With a client-side index, a Web Worker downloads it once and
// answers every keystroke; past the size where that stops paying (lib/search/config.ts), each
// keystroke asks /api/search instead. Both rank with the same engine. A signed-in staff member
// (the hint cookie set at sign-in) asks /api/staff/search, whose index holds internal articles too;
// without a valid session it answers 401 and the customers' search takes over.
import type { SearchAnswer } from "@/lib/search/engine";
import { STAFF_SEARCH_HINT, type SearchSource } from "@/lib/search/config";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";

export type WorkerRequest = { id: number; indexUrl: string; query: string; limit: number };
export type WorkerResponse = { id: number; answer: SearchAnswer } | { id: number; error: string };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: SearchAnswer) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./search.worker.ts", import.meta.url), { type: "module", name: "search" });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const request = pending.get(event.data.id);
      if (!request) return;
      pending.delete(event.data.id);
      if ("error" in event.data) request.reject(new Error(event.data.error));
      else request.resolve(event.data.answer);
    };
    worker.onerror = () => {
      for (const request of pending.values()) request.reject(new Error("Instant search stopped working."));
      pending.clear();
      worker = null;
    };
  }
  return worker;
}

function searchInWorker(indexUrl: string, query: string, limit: number): Promise<SearchAnswer> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, indexUrl, query, limit } satisfies WorkerRequest);
  });
}

let serverRequest: AbortController | null = null;

class NotSignedIn extends Error {}

async function searchOnServer(path: "/api/search" | "/api/staff/search", query: string, limit: number, locale: string): Promise<SearchAnswer> {
  serverRequest?.abort();
  const controller = (serverRequest = new AbortController());
  // The default language's index unless the page is in another (the index file is already the page's language's).
  const language = locale === DEFAULT_LOCALE ? "" : `&locale=${encodeURIComponent(locale)}`;
  const response = await fetch(`${path}?q=${encodeURIComponent(query)}&limit=${limit}${language}`, { signal: controller.signal });
  if (response.status === 401) throw new NotSignedIn();
  if (!response.ok) throw new Error(`Search failed (${response.status}).`);
  const { results, correctedQuery } = (await response.json()) as SearchAnswer;
  return { results, correctedQuery };
}

let staff: boolean | null = null;
const HINT = new RegExp(`(?:^|;\\s*)(?:__Host-)?${STAFF_SEARCH_HINT}=`);

/** Whether this browser searches as signed-in staff (and so records no customer searches). */
export function searchingAsStaff(): boolean {
  staff ??= typeof document !== "undefined" && HINT.test(document.cookie);
  return staff;
}

/** `locale`: the page's language, whose index is searched. */
export function search(source: SearchSource, query: string, limit: number, locale: string = DEFAULT_LOCALE): Promise<SearchAnswer> {
  if (searchingAsStaff()) {
    return searchOnServer("/api/staff/search", query, limit, locale).catch((error: unknown) => {
      if (!(error instanceof NotSignedIn)) throw error;
      staff = false;
      return search(source, query, limit, locale);
    });
  }
  return source.mode === "server" ? searchOnServer("/api/search", query, limit, locale) : searchInWorker(source.indexUrl, query, limit);
}

/** Starts downloading the index (client mode) so the first keystroke is answered at once. */
export function warmUp(source: SearchSource): void {
  if (source.mode === "client" && !searchingAsStaff()) void searchInWorker(source.indexUrl, "", 0).catch(() => {});
}
