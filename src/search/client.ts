import type { SearchHit } from "./types";
import type { WorkerRequest, WorkerResponse } from "./worker";

/** What a query found: the questions that answer it, or when none does, the closest ("possibly related"). */
export type SearchAnswer = { hits: SearchHit[]; related: SearchHit[] };
export type SearchClient = { search(query: string, limit: number): Promise<SearchAnswer> };

let client: Promise<SearchClient> | undefined;

/**
 * The page's handle on the search engine, created on first use of search, not with the page. The
 * engine (and its index) live in a Web Worker, so typing never waits for them. A failed load may be
 * retried.
 */
export function loadSearchClient(indexUrl: string, workerUrl: string): Promise<SearchClient> {
  client ??= workerClient(indexUrl, workerUrl).catch((error: unknown) => {
    client = undefined;
    throw error;
  });
  return client;
}

function workerClient(indexUrl: string, workerUrl: string): Promise<SearchClient> {
  const worker = new Worker(workerUrl);
  const pending = new Map<number, (answer: SearchAnswer) => void>();
  let seq = 0;
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === "ready") resolve({ search });
      else if (message.type === "error") {
        worker.terminate();
        reject(new Error(message.message));
      } else {
        pending.get(message.seq)?.({ hits: message.hits, related: message.related });
        pending.delete(message.seq);
      }
    };
    worker.onerror = (event) => reject(new Error(event.message || "search worker failed"));
    post({ type: "load", url: new URL(indexUrl, window.location.href).href });
  });

  function post(request: WorkerRequest) {
    worker.postMessage(request);
  }
  function search(query: string, limit: number): Promise<SearchAnswer> {
    const mine = ++seq;
    return new Promise((resolve) => {
      pending.set(mine, resolve);
      post({ type: "search", seq: mine, query, limit });
    });
  }
}
