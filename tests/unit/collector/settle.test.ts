import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSettleTracker, SETTLE_IDLE_MS, type Settled } from "@/client/search-settle";

/** A tracker fed the way the search box feeds it: results for each query typed, typing between them. */
function setup() {
  const settled: Settled[] = [];
  const clicks: number[] = [];
  const tracker = createSettleTracker((s) => settled.push(s), (p) => clicks.push(p));
  const type = (queries: string[], msBetween = 120) => {
    for (const q of queries) {
      tracker.typing();
      tracker.results(q, q.length); // results arrive for each prefix
      vi.advanceTimersByTime(msBetween);
    }
  };
  return { tracker, settled, clicks, type };
}

describe("the settled-search rule", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("typing 实名认证 one key at a time and clicking the second result records one search, with position 2, and no prefixes", () => {
    const { tracker, settled, type } = setup();
    type(["实", "实名", "实名认", "实名认证"]);
    tracker.pick(2);
    vi.advanceTimersByTime(10_000);
    tracker.leave();
    expect(settled).toEqual([{ query: "实名认证", results: 4, position: 2 }]);
  });

  it("settles after about 1.5 s without typing, once, and a later click is reported for that search", () => {
    const { tracker, settled, clicks, type } = setup();
    type(["退", "退款"]);
    vi.advanceTimersByTime(SETTLE_IDLE_MS - 200);
    expect(settled).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(settled).toEqual([{ query: "退款", results: 2, position: null }]);
    tracker.pick(3);
    tracker.leave();
    expect(settled).toHaveLength(1);
    expect(clicks).toEqual([3]);
  });

  it("settles on leaving the box or the page, and not again for the same query", () => {
    const { tracker, settled } = setup();
    tracker.results("发票", 5);
    tracker.leave();
    tracker.leave();
    tracker.results("发票", 5);
    vi.advanceTimersByTime(5000);
    expect(settled).toEqual([{ query: "发票", results: 5, position: null }]);
  });

  it("never settles while an IME composes: neither the pause nor leaving counts the query shown before", () => {
    const { tracker, settled } = setup();
    tracker.results("实名", 3);
    tracker.compose(true); // the reader types pinyin for the next characters: "renzheng"…
    vi.advanceTimersByTime(10_000);
    tracker.leave();
    expect(settled).toEqual([]);
    tracker.compose(false);
    tracker.results("实名认证", 4);
    vi.advanceTimersByTime(SETTLE_IDLE_MS);
    expect(settled).toEqual([{ query: "实名认证", results: 4, position: null }]);
  });

  it("counts nothing when the query is handed over to /search/ (that page counts it) or the box is emptied", () => {
    const { tracker, settled } = setup();
    tracker.results("注销账号", 0);
    tracker.handover();
    vi.advanceTimersByTime(5000);
    tracker.leave();
    tracker.results("注", 1);
    tracker.results("", 0);
    vi.advanceTimersByTime(5000);
    tracker.leave();
    expect(settled).toEqual([]);
  });

  it("records a search that found nothing with 0 results", () => {
    const { tracker, settled } = setup();
    tracker.results("量子计算", 0);
    vi.advanceTimersByTime(SETTLE_IDLE_MS);
    expect(settled).toEqual([{ query: "量子计算", results: 0, position: null }]);
  });

  it("counts each query the reader settled on in a session of the box", () => {
    const { tracker, settled, type } = setup();
    type(["人", "人脸"]);
    vi.advanceTimersByTime(SETTLE_IDLE_MS);
    type(["人脸识", "人脸识别"]);
    tracker.pick(1);
    expect(settled.map((s) => [s.query, s.position])).toEqual([
      ["人脸", null],
      ["人脸识别", 1],
    ]);
  });

  it("a possibly related question picked is no result click: the search counts as one that found nothing", () => {
    const { tracker, settled, clicks, type } = setup();
    type(["注销账号"]);
    tracker.results("注销账号", 0);
    tracker.pick(null);
    tracker.pick(null);
    expect(settled).toEqual([{ query: "注销账号", results: 0, position: null }]);
    expect(clicks).toEqual([]);
  });
});
