/** The only copy of the search limits; the build, the browser and the CLI all import these. */
export const SEARCH_LIMITS = {
  /** Longest query we look at; the rest is ignored. */
  queryChars: 64,
  /**
   * Longest text the search boxes take (`maxlength`): room for a pasted error message, while the
   * address of /search/?q=… stays short (a 20,000-character paste made one no server takes).
   */
  boxChars: 200,
  /** Results shown at most, in the popup, on /search/ and by the CLI alike. */
  results: 10,
  /**
   * Answer text kept in the index, in characters (nineteen answers in twenty are shorter). Of the
   * rest, only the Latin and digit words are indexed, weakly (`bm25f.ts`).
   */
  answerChars: 400,
} as const;

/**
 * Names the current build's index manifest: `{ "manifest": "/search-index/index.<hash>.json" }`. Not
 * content-hashed, so it is revalidated; a tab opened before a rebuild follows it when its own
 * index files are gone.
 */
export const SEARCH_INDEX_LATEST = "/search-index-latest.json";
