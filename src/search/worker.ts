/// <reference lib="webworker" />
import { createSearchEngine, type SearchEngine } from "./engine";
import type { SearchHit, SearchPayload } from "./types";

/**
 * The search engine in its own thread: fetching the index, building its lookup tables (about a
 * second at 10,000 questions) and every query run here, so typing never waits for them.
 */
export type WorkerRequest = { type: "load"; url: string } | { type: "search"; seq: number; query: string; limit: number };
export type WorkerResponse =
  | { type: "ready"; size: number }
  | { type: "error"; message: string }
  | { type: "results"; seq: number; hits: SearchHit[]; related: SearchHit[] };

let engine: Promise<SearchEngine> | undefined;
const post = (message: WorkerResponse) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === "load") {
    engine ??= fetch(request.url)
      .then((r) => (r.ok ? (r.json() as Promise<SearchPayload>) : Promise.reject(new Error(`search index: HTTP ${r.status}`))))
      .then((payload) => createSearchEngine(payload));
    engine.then(
      (e) => post({ type: "ready", size: e.size }),
      (error: unknown) => {
        engine = undefined;
        post({ type: "error", message: String(error) });
      },
    );
    return;
  }
  const ready = await engine;
  if (ready) post({ type: "results", seq: request.seq, ...ready.searchWithRelated(request.query, request.limit) });
};
