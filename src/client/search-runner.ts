import { loadSearchClient, SupersededError, type SearchClient } from "@/search/client";
import { SEARCH_LIMITS } from "@/search/options";
import type { SearchHit } from "@/search/types";

/**
 * `results` answer `searched`; when none does, `related` holds the closest questions, offered as
 * such. `complete` is false while they are what the index files at hand found and more are coming.
 */
export type SearchState = { status: "idle" | "loading" | "ready" | "error"; results: SearchHit[]; related: SearchHit[]; searched: string; complete: boolean };

/** Runners made on this page: each searches on a channel of its own, so none overtakes another's search. */
let runners = 0;

/**
 * Query → results, with the engine loaded on first use. Each run carries a sequence number and
 * only the newest one may set results, so a slow earlier query never overwrites a newer one.
 * `onChange` gets the whole state after every change.
 */
export function createSearchRunner(indexUrl: string, onChange: (state: SearchState) => void) {
  const channel = ++runners;
  const state: SearchState = { status: "idle", results: [], related: [], searched: "", complete: true };
  let seq = 0;
  const update = (patch: Partial<SearchState>) => {
    Object.assign(state, patch);
    onChange(state);
  };

  async function prepare(): Promise<SearchClient | null> {
    if (state.status === "idle" || state.status === "error") update({ status: "loading" });
    try {
      const client = await loadSearchClient(indexUrl, SEARCH_WORKER_URL);
      if (state.status !== "ready") update({ status: "ready" });
      return client;
    } catch {
      update({ status: "error" });
      return null;
    }
  }

  async function run(query: string): Promise<void> {
    const mine = ++seq;
    const trimmed = query.trim();
    if (!trimmed) return update({ results: [], related: [], searched: "", complete: true });
    const ready = await prepare();
    if (!ready || mine !== seq) return;
    // One cut-off everywhere: the popup, /search/ and `npm run search` show the same results.
    const early = (first: { hits: SearchHit[]; related: SearchHit[] }) => {
      if (mine === seq) update({ status: "ready", results: first.hits, related: first.related, searched: trimmed, complete: false });
    };
    const answer = await ready.search(trimmed, SEARCH_LIMITS.results, { channel, onEarly: early }).catch((error: unknown) => (error instanceof SupersededError ? undefined : null));
    // A newer query of this runner is under way: never show older results.
    if (mine !== seq || answer === undefined) return;
    if (!answer) return update({ status: "error", results: [], related: [], searched: trimmed, complete: true });
    update({ status: "ready", results: answer.hits, related: answer.related, searched: trimmed, complete: true });
  }

  return { state, prepare, run };
}
