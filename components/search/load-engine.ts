// Loads the search engine and its index once per page, only when the customer starts searching.
import type { SearchEngine } from "@/lib/search/engine";

let loading: { url: string; engine: Promise<SearchEngine> } | null = null;

export function loadSearchEngine(indexUrl: string): Promise<SearchEngine> {
  if (loading?.url !== indexUrl) {
    const engine = Promise.all([
      import("@/lib/search/engine"),
      fetch(indexUrl).then((response) => {
        if (!response.ok) throw new Error(`The search index did not load (${response.status}).`);
        return response.json();
      }),
    ]).then(([{ SearchEngine }, data]) => new SearchEngine(data));
    engine.catch(() => {
      loading = null;
    });
    loading = { url: indexUrl, engine };
  }
  return loading.engine;
}
