import type { SearchState } from "./search-runner";

/**
 * What a search UI (the box, the /search/ page) tells whoever listens, as DOM events on its root:
 * the results shown for a query, a result picked (1-based position), and a hand-over of the query
 * to the /search/ page (which then counts it). src/client/search-log.ts turns these into settled
 * searches; the search UI knows nothing about logging.
 */
export const SEARCH_ACTIVITY = "faq:search";

export type SearchActivity = { kind: "results"; query: string; count: number } | { kind: "pick"; position: number } | { kind: "handover" };

// Without a collector (COLLECTOR_URL=off) nobody listens: both are no-ops, and the bundler drops them.
export function announce(root: HTMLElement, detail: SearchActivity): void {
  if (COLLECTOR_URL !== "off") root.dispatchEvent(new CustomEvent<SearchActivity>(SEARCH_ACTIVITY, { detail }));
}

/**
 * A runner's onChange wrapper that announces the results each time they belong to another query,
 * once they are complete: early results, from the index files at hand, may still grow from none. A
 * search that failed (the index did not load) found nothing and is not a zero-result search.
 */
export function announceResults(root: HTMLElement, onChange: (state: SearchState) => void): (state: SearchState) => void {
  if (COLLECTOR_URL === "off") return onChange;
  let last = "";
  return (state) => {
    onChange(state);
    if (state.status !== "ready" || !state.complete || state.searched === last) return;
    last = state.searched;
    announce(root, { kind: "results", query: state.searched, count: state.results.length });
  };
}
