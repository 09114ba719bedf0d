// Runs the search engine off the main thread: downloading, decoding and searching a large index
// never blocks typing or scrolling.
import { SearchEngine } from "@/lib/search/engine";
import type { WorkerRequest, WorkerResponse } from "./search-client";

let loaded: { url: string; engine: Promise<SearchEngine> } | null = null;

function engineFor(url: string): Promise<SearchEngine> {
  if (loaded?.url !== url) {
    const engine = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`The search index did not load (${response.status}).`);
      return new SearchEngine(await response.json());
    });
    engine.catch(() => {
      loaded = null;
    });
    loaded = { url, engine };
  }
  return loaded.engine;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  try {
    const engine = await engineFor(request.indexUrl);
    response = { id: request.id, answer: request.query ? engine.answer(request.query, { limit: request.limit }) : { results: [], correctedQuery: null } };
  } catch (error) {
    response = { id: request.id, error: (error as Error).message };
  }
  self.postMessage(response);
};
