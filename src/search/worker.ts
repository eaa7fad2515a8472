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
 * hand are posted at once, marked not final, or when they find nothing, the results shown last
 * that still fit the query (`refine`). Typing never waits.
 * From a second after the first search on (its own files go first), and not when the browser asks
 * to save data, the worker also fetches what the next keystrokes will likely need: after each
 * search, the shards of the words likely typed next (`fetchAhead`), and
 * between searches, a few at a time, the shards the manifest lists as `warm` (the content's most
 * frequent characters and words), so that a new query's first keystroke usually needs no round trip.
 * A file gone with a newer build (an old tab) makes it load the site's current manifest.
 */
/** `seq` is unique per search; a search overtakes only the older ones of its own `channel` (its search box). */
export type WorkerRequest = { type: "load"; manifest: IndexManifest; base: string } | { type: "search"; seq: number; channel: number; query: string; limit: number };
export type WorkerResponse =
  | { type: "ready"; size: number }
  | { type: "failed"; seq: number; message: string }
  /** A newer search of its channel came in while this one waited for index files: it ends with no answer of its own. */
  | { type: "superseded"; seq: number }
  | { type: "results"; seq: number; hits: SearchHit[]; related: SearchHit[]; final: boolean };

const ROUNDS = 4;
/** Warm shards fetched at a time. */
const WARM_BATCH = 4;
/** Nothing is fetched ahead or warmed up until this long after the first search: its own files go first. */
const QUIET_MS = 1000;

let state: { source: ShardedSource; engine: SearchEngine; base: string } | undefined;
/** The newest search of each channel. */
const latest = new Map<number, number>();
/** The results shown last, for `refine`. */
let shown: SearchHit[] = [];
let searching = 0;
let warming = false;
let warmFailed: typeof state;
let quietUntil: number | undefined;
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
  shown = []; // questions of the old build may be gone from the new one
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
  const known = inflight.get(file);
  if (known) return known;
  const pending = fetchJson<ShardData | ChunkData>(new URL(file, current.base).href).then((data) => current.source.add(file, data));
  // A failed fetch may be tried again; unless a switch to a newer build cleared the map meanwhile
  // and the new index asked for this name anew.
  pending.catch(() => inflight.get(file) === pending && inflight.delete(file));
  inflight.set(file, pending);
  return pending;
}

async function search(seq: number, channel: number, query: string, limit: number): Promise<void> {
  for (let round = 0; ; round++) {
    const current = state!;
    const started = performance.now();
    const answer = current.engine.searchWithRelated(query, limit);
    timing.searchEngineMs! += performance.now() - started;
    const missing = current.source.missing();
    if (missing.length === 0 || round === ROUNDS) return show({ type: "results", seq, ...answer, final: true });
    // What the shards at hand already find, shown at once while the rest arrive (a word typed after
    // the first search usually needs a shard or two more: a round trip on a phone).
    if (round === 0) {
      const early = answer.hits.length > 0 ? answer : { hits: current.engine.refine(query, shown, limit), related: [] };
      if (early.hits.length > 0) show({ type: "results", seq, ...early, final: false });
    }
    try {
      await Promise.all(missing.map(load));
    } catch (error) {
      if (!(error instanceof Gone)) throw error;
      await followNewerBuild(current); // then search again, over the current index
    }
    // A newer query of this search box is under way: its results are the ones to show. This one's
    // caller is told so.
    if (seq !== latest.get(channel)) return post({ type: "superseded", seq });
  }
}

/** The switch to the newer build under way, and the index it replaces. */
let following: { from: NonNullable<typeof state>; done: Promise<void> } | undefined;

/**
 * A newer build replaced the index `current` (a file of it is gone): load the site's current
 * manifest. Searches that meet the gone files together share one switch, so the shards one of them
 * loaded over the new index are not dropped by another's switch; one that meets them after the
 * switch just searches again.
 */
function followNewerBuild(current: NonNullable<typeof state>): Promise<void> {
  if (state !== current) return Promise.resolve();
  if (following?.from !== current) {
    const done = (async () => {
      const pointer = await fetchJson<{ manifest: string }>(new URL(LATEST, current.base).href);
      const url = new URL(pointer.manifest, new URL(LATEST, current.base)).href;
      const manifest = await fetchJson<IndexManifest>(url);
      if (state === current) switchTo(manifest, url);
    })();
    // Settled, it is forgotten (so the old index is not kept in memory): after a switch, `state` is
    // no longer `current`; after a failure, the next search to meet the gone files tries again.
    const forget = () => following?.done === done && (following = undefined);
    done.then(forget, forget);
    following = { from: current, done };
  }
  return following.done;
}

/**
 * While the next character is being typed, the shards the next keystrokes will likely need: of the
 * words most often written after the query's last Han character (退 → 退款, 退费…), of the
 * commonest two-letter beginnings after a lone letter at its end (r → re, ru…), or of what the
 * Latin word being typed most often reads as (ren → 人脸, 认证…). So the keystroke that makes the
 * word usually finds them at hand.
 */
function fetchAhead(query: string) {
  const current = state;
  if (!current || saveData() || performance.now() < (quietUntil ?? Infinity)) return;
  const next = current.engine.lookAhead(query);
  const files = "terms" in next ? current.source.filesFor(next.terms) : current.source.ahead("char" in next ? next.char : next.letter);
  for (const file of files) load(file).catch(() => {}); // a search fetches what it still needs
}

const saveData = () => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

function show(message: Extract<WorkerResponse, { type: "results" }>) {
  // What the reader sees: early results replace it, and so does a final answer, even an empty one.
  if (message.final || message.hits.length > 0) shown = message.hits;
  post(message);
}

/**
 * Fetches the next few warm shards, and the next few when they are in, while no search is under
 * way (a search's own files go first; the end of a search resumes the warm-up).
 */
function warmUp() {
  const current = state;
  if (!current || warming || searching > 0 || saveData() || warmFailed === current) return;
  const quiet = (quietUntil ??= performance.now() + QUIET_MS) - performance.now();
  if (quiet > 0) {
    warming = true;
    setTimeout(() => ((warming = false), warmUp()), quiet);
    return;
  }
  const next = current.source.warm().slice(0, WARM_BATCH);
  if (next.length === 0) return;
  warming = true;
  const done = () => {
    warming = false;
    warmUp(); // the current index's, should a newer build have replaced this one meanwhile
  };
  // A failed warm-up (offline, or files gone with a newer build) stops for this index: a search
  // fetches what it needs, and follows a newer build itself.
  Promise.all(next.map(load)).then(done, () => {
    warmFailed = current;
    done();
  });
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === "load") {
    switchTo(request.manifest, request.base);
    return post({ type: "ready", size: request.manifest.docs });
  }
  latest.set(request.channel, request.seq);
  if (!state) return post({ type: "failed", seq: request.seq, message: "search index not loaded" });
  searching++;
  search(request.seq, request.channel, request.query, request.limit)
    .catch((error: unknown) => post({ type: "failed", seq: request.seq, message: String(error) }))
    .finally(() => {
      searching--;
      warmUp();
      if (request.seq === latest.get(request.channel)) fetchAhead(request.query);
    });
};
