import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_RANKED_VOTES, rankWorst, wilsonLowerBound } from "@/collector/report/wilson";

describe("Wilson lower bound", () => {
  it("matches published values", () => {
    // Evan Miller's "How Not To Sort By Average Rating": 95 %, e.g. 1 of 1 → 0.2065, 50 of 100 → 0.4038.
    expect(wilsonLowerBound(1, 1)).toBeCloseTo(0.2065, 4);
    expect(wilsonLowerBound(50, 100)).toBeCloseTo(0.4038, 4);
    expect(wilsonLowerBound(0, 10)).toBe(0);
    expect(wilsonLowerBound(10, 10)).toBeCloseTo(0.7225, 4);
    expect(wilsonLowerBound(0, 0)).toBe(0);
  });

  it("lies between 0 and the observed share, and rises with more evidence for the same share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const hits = Math.round(share * n);
        const lb = wilsonLowerBound(hits, n);
        expect(lb).toBeGreaterThanOrEqual(0);
        expect(lb).toBeLessThanOrEqual(hits / n + 1e-12);
        expect(wilsonLowerBound(hits * 10, n * 10)).toBeGreaterThanOrEqual(lb - 1e-12);
      }),
    );
  });
});

describe("ranking of the worst answers", () => {
  it("puts the answer readers surely dislike above one disliked by a single unlucky vote, and leaves out those under 5 votes", () => {
    const ranked = rankWorst([
      { key: "a#steady-bad", helpful: 40, notHelpful: 60 },
      { key: "a#one-vote", helpful: 0, notHelpful: 1 },
      { key: "a#four-votes", helpful: 0, notHelpful: 4 },
      { key: "a#few-bad", helpful: 1, notHelpful: 4 },
      { key: "a#good", helpful: 95, notHelpful: 5 },
    ]);
    expect(ranked.map((q) => q.key)).toEqual(["a#steady-bad", "a#few-bad", "a#good"]);
    expect(ranked.every((q) => q.helpful + q.notHelpful >= MIN_RANKED_VOTES)).toBe(true);
  });

  it("is ordered by the bound of the not-helpful share, highest first, and deterministic on ties", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ helpful: fc.nat(50), notHelpful: fc.nat(50) }), { maxLength: 30 }), (votes) => {
        const questions = votes.map((v, i) => ({ ...v, key: `p#q${i}` }));
        const ranked = rankWorst(questions);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].worstScore).toBeGreaterThanOrEqual(ranked[i].worstScore);
        expect(rankWorst([...questions].reverse()).map((q) => q.key)).toEqual(ranked.map((q) => q.key));
      }),
    );
  });
});
