import type { SearchEngine } from "./engine";
import type { SearchPayload } from "./types";

let loading: Promise<SearchEngine> | undefined;

/**
 * Loads the engine code and the index on first use of search, not with the page. The promise is
 * shared, so focusing the box and typing fetch the index once; a failed fetch may be retried.
 */
export function loadSearchEngine(indexUrl: string): Promise<SearchEngine> {
  loading ??= Promise.all([import("./engine"), fetch(indexUrl).then(readPayload)])
    .then(([{ createSearchEngine }, payload]) => createSearchEngine(payload))
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

async function readPayload(response: Response): Promise<SearchPayload> {
  if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
  return (await response.json()) as SearchPayload;
}
