import type * as TokenIndex from "@/search/token-index";

/**
 * An injected engine bug for `vi.mock("@/search/token-index", …)`: the prefilter throws on every
 * query. Used to prove that a crash fails the tests instead of passing for "no results".
 */
export function crashingTokenIndex(real: typeof TokenIndex): typeof TokenIndex {
  return {
    ...real,
    createTokenIndex: (...args) => ({
      ...real.createTokenIndex(...args),
      candidates: () => {
        throw new Error("injected engine bug");
      },
    }),
  };
}
