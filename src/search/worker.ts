/// <reference lib="webworker" />
import { createSearchEngine, type SearchEngine } from "./engine";
import { shardedSource, type ShardedSource } from "./index-source";
import { SEARCH_INDEX_LATEST as LATEST } from "./options";
import type { ChunkData, IndexManifest, SearchHit, ShardData } from "./types";

/**
 * The search engine in its own thread, over the sharded index: the page hands over the manifest;
 * each search runs, and when it needed shards or entry chunks not loaded yet, they are fetched in
 * parallel and the search runs again (the shards of the words typed, then those of what their
 * pinyin reads as, then the chunks of the entries ranked first). Results found with the files at
 * hand are posted at once, marked not final. Typing never waits.
 * A file gone with a newer build (an old tab) makes it load the site's current manifest.
 */
export type WorkerRequest = { type: "load"; manifest: IndexManifest; base: string } | { type: "search"; seq: number; query: string; limit: number };
export type WorkerResponse =
  | { type: "ready"; size: number }
  | { type: "failed"; seq: number; message: string }
  | { type: "results"; seq: number; hits: SearchHit[]; related: SearchHit[]; final: boolean };

const ROUNDS = 4;

let state: { source: ShardedSource; engine: SearchEngine; base: string } | undefined;
let latest = 0;
const inflight = new Map<string, Promise<void>>();
const post = (message: WorkerResponse) => self.postMessage(message);
/**
 * Time spent in the engine so far, in ms. `npm run bench:browser` reads it: Chromium cannot slow a
 * worker's CPU down, so the benchmark adds what a 4× slower one would take.
 */
const timing = globalThis as { searchEngineMs?: number };
timing.searchEngineMs = 0;

function switchTo(manifest: IndexManifest, base: string) {
  const source = shardedSource(manifest);
  state = { source, engine: createSearchEngine(source), base };
  inflight.clear();
}

class Gone extends Error {}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (response.status === 404) throw new Gone(url);
  if (!response.ok) throw new Error(`search index: HTTP ${response.status} for ${url}`);
  return (await response.json()) as T;
}

function load(file: string): Promise<void> {
  const current = state!;
  let pending = inflight.get(file);
  if (!pending) {
    pending = fetchJson<ShardData | ChunkData>(new URL(file, current.base).href).then((data) => current.source.add(file, data));
    pending.catch(() => inflight.delete(file));
    inflight.set(file, pending);
  }
  return pending;
}

async function search(seq: number, query: string, limit: number): Promise<void> {
  for (let round = 0; ; round++) {
    const current = state!;
    const started = performance.now();
    const answer = current.engine.searchWithRelated(query, limit);
    timing.searchEngineMs! += performance.now() - started;
    const missing = current.source.missing();
    if (missing.length === 0 || round === ROUNDS) return post({ type: "results", seq, ...answer, final: true });
    // What the shards at hand already find, shown at once while the rest arrive (a word typed after
    // the first search usually needs a shard or two more: a round trip on a phone).
    if (round === 0 && answer.hits.length > 0) post({ type: "results", seq, ...answer, final: false });
    try {
      await Promise.all(missing.map(load));
    } catch (error) {
      if (!(error instanceof Gone)) throw error;
      // A newer build replaced this index: load the current one and search again.
      const pointer = await fetchJson<{ manifest: string }>(new URL(LATEST, current.base).href);
      const url = new URL(pointer.manifest, new URL(LATEST, current.base)).href;
      switchTo(await fetchJson<IndexManifest>(url), url);
    }
    if (seq !== latest) return; // a newer query is under way: its results are the ones to show
  }
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === "load") {
    switchTo(request.manifest, request.base);
    return post({ type: "ready", size: request.manifest.docs });
  }
  latest = request.seq;
  if (!state) return;
  search(request.seq, request.query, request.limit).catch((error: unknown) => post({ type: "failed", seq: request.seq, message: String(error) }));
};
