import type { SearchHit } from "./types";
import type { WorkerRequest, WorkerResponse } from "./worker";

export type SearchClient = { search(query: string, limit: number): Promise<SearchHit[]> };

let client: Promise<SearchClient> | undefined;

/**
 * The page's handle on the search engine, created on first use of search, not with the page.
 * The engine runs in a Web Worker; where there is none, it is loaded on the main thread.
 * A failed load may be retried.
 */
export function loadSearchClient(indexUrl: string): Promise<SearchClient> {
  client ??= (typeof Worker === "function" ? workerClient(indexUrl) : mainThreadClient(indexUrl)).catch((error: unknown) => {
    client = undefined;
    throw error;
  });
  return client;
}

function workerClient(indexUrl: string): Promise<SearchClient> {
  const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
  const pending = new Map<number, (hits: SearchHit[]) => void>();
  let seq = 0;
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === "ready") resolve({ search });
      else if (message.type === "error") {
        worker.terminate();
        reject(new Error(message.message));
      } else {
        pending.get(message.seq)?.(message.hits);
        pending.delete(message.seq);
      }
    };
    worker.onerror = (event) => reject(new Error(event.message || "search worker failed"));
    post({ type: "load", url: new URL(indexUrl, window.location.href).href });
  });

  function post(request: WorkerRequest) {
    worker.postMessage(request);
  }
  function search(query: string, limit: number): Promise<SearchHit[]> {
    const mine = ++seq;
    return new Promise((resolve) => {
      pending.set(mine, resolve);
      post({ type: "search", seq: mine, query, limit });
    });
  }
}

async function mainThreadClient(indexUrl: string): Promise<SearchClient> {
  const [{ createSearchEngine }, response] = await Promise.all([import("./engine"), fetch(indexUrl)]);
  if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
  const engine = createSearchEngine(await response.json());
  return { search: async (query, limit) => engine.search(query, limit) };
}
