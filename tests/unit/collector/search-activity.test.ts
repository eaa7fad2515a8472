import { beforeAll, describe, expect, it } from "vitest";
import type { SearchActivity } from "@/client/search-activity";
import type { SearchState } from "@/client/search-runner";
import type { SearchHit } from "@/search/types";

// The page script gets COLLECTOR_URL from esbuild's define; here the default, a collector on the same origin.
beforeAll(() => void Object.assign(globalThis, { COLLECTOR_URL: "/api/events" }));

/** Only their number is announced. */
const hits = (n: number) => Array.from({ length: n }, () => ({}) as SearchHit);
const state = (over: Partial<SearchState>): SearchState => ({ status: "ready", results: [], related: [], searched: "", complete: true, ...over });

/** What the search UI announces for a sequence of runner states. */
async function announced(states: SearchState[]): Promise<SearchActivity[]> {
  const { announceResults, SEARCH_ACTIVITY } = await import("@/client/search-activity");
  const root = new EventTarget();
  const seen: SearchActivity[] = [];
  root.addEventListener(SEARCH_ACTIVITY, (e) => seen.push((e as CustomEvent<SearchActivity>).detail));
  const onChange = announceResults(root as HTMLElement, () => {});
  for (const s of states) onChange(s);
  return seen;
}

describe("the results a search UI announces for logging", () => {
  it("announces early results (from the shards at hand) at once, and again with their complete number", async () => {
    const seen = await announced([state({ searched: "实名认证", results: hits(3), complete: false }), state({ searched: "实名认证", results: hits(5) })]);
    expect(seen).toEqual([
      { kind: "results", query: "实名认证", count: 3 },
      { kind: "results", query: "实名认证", count: 5 },
    ]);
  });

  it("never takes early results with no answer for a search that found nothing", async () => {
    const seen = await announced([state({ searched: "实名认证", complete: false }), state({ searched: "实名认证", results: hits(2) })]);
    expect(seen).toEqual([{ kind: "results", query: "实名认证", count: 2 }]);
  });

  it("announces a query once, however often its results are shown again", async () => {
    const seen = await announced([state({ searched: "退款" }), state({ searched: "退款" }), state({ searched: "退款多久" })]);
    expect(seen.map((a) => a.kind === "results" && a.query)).toEqual(["退款", "退款多久"]);
  });

  it("does not count a search that failed (the index did not load) as one that found nothing", async () => {
    expect(await announced([state({ searched: "发票", status: "error" })])).toEqual([]);
  });
});
