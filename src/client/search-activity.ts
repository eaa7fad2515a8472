import type { SearchState } from "./search-runner";

/**
 * What a search UI (the box, the /search/ page) tells whoever listens, as DOM events on its root:
 * the results shown for a query, a result picked (1-based position), and a hand-over of the query
 * to the /search/ page (which then counts it). src/client/search-log.ts turns these into settled
 * searches; the search UI knows nothing about logging.
 */
export const SEARCH_ACTIVITY = "faq:search";

/** A pick's `position` is 1-based among the answers, or null for a question offered as only possibly related. */
export type SearchActivity = { kind: "results"; query: string; count: number } | { kind: "pick"; position: number | null } | { kind: "handover" };

// Without a collector (COLLECTOR_URL=off) nobody listens: both are no-ops, and the bundler drops them.
export function announce(root: HTMLElement, detail: SearchActivity): void {
  if (COLLECTOR_URL !== "off") root.dispatchEvent(new CustomEvent<SearchActivity>(SEARCH_ACTIVITY, { detail }));
}

/**
 * A runner's onChange wrapper that announces the results each time they belong to another query,
 * and once more when early results (from the index files at hand, never empty) are completed,
 * since their number may grow. So whatever the reader clicks or leaves is the search announced
 * last. A search that failed (the index did not load) found nothing and is not a zero-result search.
 */
export function announceResults(root: HTMLElement, onChange: (state: SearchState) => void): (state: SearchState) => void {
  if (COLLECTOR_URL === "off") return onChange;
  let last = "";
  let lastComplete = true;
  return (state) => {
    onChange(state);
    if (state.status !== "ready" || (!state.complete && state.results.length === 0)) return;
    if (state.searched === last && (lastComplete || !state.complete)) return;
    last = state.searched;
    lastComplete = state.complete;
    announce(root, { kind: "results", query: state.searched, count: state.results.length });
  };
}
