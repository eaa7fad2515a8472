import { loadSearchClient, type SearchClient } from "@/search/client";
import type { SearchHit } from "@/search/types";

export type SearchState = { status: "idle" | "loading" | "ready" | "error"; results: SearchHit[]; searched: string };

/**
 * Query → results, with the engine loaded on first use. Each run carries a sequence number and
 * only the newest one may set results, so a slow earlier query never overwrites a newer one.
 * `onChange` gets the whole state after every change.
 */
export function createSearchRunner(indexUrl: string, limit: number, onChange: (state: SearchState) => void) {
  const state: SearchState = { status: "idle", results: [], searched: "" };
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
    if (!trimmed) return update({ results: [], searched: "" });
    const ready = await prepare();
    if (!ready || mine !== seq) return;
    const results = await ready.search(trimmed, limit);
    if (mine !== seq) return; // a newer query is under way: never show older results
    update({ results, searched: trimmed });
  }

  return { state, prepare, run };
}
