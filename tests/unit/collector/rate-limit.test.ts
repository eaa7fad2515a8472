import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RateLimiter } from "@/collector/rate-limit";

const MINUTE = 60_000;
const T0 = 1_700_000_040_000; // a whole minute

/** A limiter of 10 a minute that has taken `takes` ([ms after T0, units]) for key "k". */
function replayed(takes: [number, number][], limit = 10): RateLimiter {
  const limiter = new RateLimiter(limit, MINUTE);
  for (const [at, units] of takes) limiter.take("k", units, T0 + at);
  return limiter;
}

describe("RateLimiter's Retry-After", () => {
  it("is the time until the sliding window has room: 10 votes at the start of a minute free one 6 s into the next", () => {
    const takes: [number, number][] = Array.from({ length: 10 }, (_, i) => [i * 100, 1]);
    const now = T0 + 1000;
    const limiter = replayed(takes);
    expect(limiter.take("k", 1, now)).toBe(false);
    expect(limiter.retryAfter("k", 1, now)).toBe(59 + 6); // not 59: the previous minute still weighs 10·(1 − 0.06)
    expect(replayed(takes).take("k", 1, now + 65_000)).toBe(true);
    expect(replayed(takes).take("k", 1, now + 64_000)).toBe(false);
  });

  it("says a few seconds, not the rest of the minute, when a full previous minute is about to weigh less", () => {
    const takes: [number, number][] = Array.from({ length: 10 }, () => [-30_000, 1]); // the whole previous minute's worth
    const now = T0 + 3000; // it weighs 10·0.95 = 9.5: one more does not fit until 6 s in
    expect(replayed(takes).take("k", 1, now)).toBe(false);
    expect(replayed(takes).retryAfter("k", 1, now)).toBe(3);
    expect(replayed(takes).take("k", 1, now + 3000)).toBe(true);
  });

  it("accepts a request obeying it, and not one arriving a millisecond before its exact wait, whatever came before", () => {
    const take = fc.tuple(fc.integer({ min: 0, max: 3 * MINUTE }), fc.integer({ min: 1, max: 15 }));
    fc.assert(
      fc.property(fc.array(take, { maxLength: 40 }), fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 1, max: 15 }), (history, after, units) => {
        const takes = [...history].sort((a, b) => a[0] - b[0]);
        const now = T0 + (takes.at(-1)?.[0] ?? 0) + after;
        const wait = replayed(takes).waitMs("k", units, now);
        expect(replayed(takes).take("k", units, now + wait)).toBe(true);
        if (wait > 0) expect(replayed(takes).take("k", units, now + wait - 1)).toBe(false);
        const seconds = replayed(takes).retryAfter("k", units, now);
        expect(replayed(takes).take("k", units, now + seconds * 1000)).toBe(true);
        expect(seconds * 1000 - wait).toBeLessThan(1000 + (wait === 0 ? 1000 : 0)); // rounded up to the second, no more
      }),
      { numRuns: 500 },
    );
  });

  it("takes a request bigger than the limit once nothing is counted, and makes the next ones wait for its surplus", () => {
    const limiter = new RateLimiter(10, MINUTE);
    expect(limiter.take("k", 12, T0)).toBe(true);
    expect(limiter.take("k", 1, T0 + 1000)).toBe(false);
    expect(limiter.take("k", 12, T0 + MINUTE)).toBe(false);
    // Next minute, 12·(1 − x) + 1 ≤ 10 from x = 0.25: 15 s in.
    expect(limiter.waitMs("k", 1, T0 + MINUTE)).toBe(15_000);
    expect(limiter.take("k", 1, T0 + MINUTE + 15_000)).toBe(true);
  });

  it("keeps other keys apart and `allows` agreeing with `take`", () => {
    const limiter = replayed(Array.from({ length: 10 }, () => [0, 1]));
    expect(limiter.allows("k", T0 + 1)).toBe(false);
    expect(limiter.allows("other", T0 + 1)).toBe(true);
    expect(limiter.take("other", 10, T0 + 1)).toBe(true);
  });
});
