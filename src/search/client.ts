import type { IndexManifest, SearchHit } from "./types";
import type { WorkerRequest, WorkerResponse } from "./worker";

/** What a query found: the questions that answer it, or when none does, the closest ("possibly related"). */
export type SearchAnswer = { hits: SearchHit[]; related: SearchHit[] };
/**
 * `search` resolves with the complete answer, or rejects (`SupersededError` when a newer search of
 * the same `channel` came in first). Each search box of a page searches on a channel of its own
 * (`/search/` has two), so one never overtakes another's. `onEarly` gets the answer the worker had
 * before the last index files it needed arrived, when that found something (shown at once, then
 * replaced).
 */
export type SearchClient = { search(query: string, limit: number, options?: SearchOptions): Promise<SearchAnswer> };
export type SearchOptions = { channel?: number; onEarly?: (answer: SearchAnswer) => void };

/** A search rejects with this when a newer one of its channel came in before its answer: only the newest is answered. */
export class SupersededError extends Error {
  constructor() {
    super("superseded by a newer search");
    this.name = "SupersededError";
  }
}

let client: Promise<SearchClient> | undefined;

/**
 * The page's handle on the search engine, created on first use of search, not with the page. The
 * engine and the index shards it fetches live in a Web Worker, so typing never waits for them. The
 * page fetches the manifest while the worker starts, so the two cost one round trip. A failed load
 * may be retried.
 */
export function loadSearchClient(manifestUrl: string, workerUrl: string): Promise<SearchClient> {
  client ??= workerClient(new URL(manifestUrl, window.location.href).href, workerUrl).catch((error: unknown) => {
    client = undefined;
    throw error;
  });
  return client;
}

function workerClient(manifestUrl: string, workerUrl: string): Promise<SearchClient> {
  const worker = new Worker(workerUrl);
  const pending = new Map<number, { resolve: (answer: SearchAnswer) => void; reject: (error: Error) => void; early?: (answer: SearchAnswer) => void }>();
  let seq = 0;
  const manifest = fetch(manifestUrl).then((r) => (r.ok ? (r.json() as Promise<IndexManifest>) : Promise.reject(new Error(`search index: HTTP ${r.status}`))));
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === "ready") resolve({ search });
      else if (message.type === "failed" || message.type === "superseded") {
        pending.get(message.seq)?.reject(message.type === "failed" ? new Error(message.message) : new SupersededError());
        pending.delete(message.seq);
      } else if (!message.final) pending.get(message.seq)?.early?.({ hits: message.hits, related: message.related });
      else {
        pending.get(message.seq)?.resolve({ hits: message.hits, related: message.related });
        pending.delete(message.seq);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "search worker failed"));
    };
    manifest.then(
      (m) => post({ type: "load", manifest: m, base: manifestUrl }),
      (error: Error) => {
        worker.terminate();
        reject(error);
      },
    );
  });

  function post(request: WorkerRequest) {
    worker.postMessage(request);
  }
  function search(query: string, limit: number, { channel = 0, onEarly }: SearchOptions = {}): Promise<SearchAnswer> {
    const mine = ++seq;
    return new Promise((resolve, reject) => {
      pending.set(mine, { resolve, reject, early: onEarly });
      post({ type: "search", seq: mine, channel, query, limit });
    });
  }
}
