import type * as InvertedIndex from "@/search/inverted-index";

/**
 * An injected engine bug for `vi.mock("@/search/inverted-index", …)`: asking how common a term is throws on
 * every query. Used to prove that a crash fails the tests instead of passing for "no results".
 */
export function crashingIndex(real: typeof InvertedIndex): typeof InvertedIndex {
  return {
    ...real,
    createInvertedIndex: (...args) => ({
      ...real.createInvertedIndex(...args),
      df: () => {
        throw new Error("injected engine bug");
      },
    }),
  };
}
