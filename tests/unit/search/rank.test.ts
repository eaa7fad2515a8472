import { describe, expect, it } from "vitest";
import { finalOrder, overlapWith, type Scored } from "@/search/rank";
import { contentEngine } from "./seed-index";

const scored = (entry: number, score: number, coverage: number): Scored => ({ entry, score, relevance: score / 10, coverage, slots: [] });

describe("overlapWith", () => {
  it("is the Dice coefficient of the distinct Han characters, ignoring Latin and punctuation", () => {
    expect(overlapWith("登录告警")("如何处理异常登录告警？")).toBeCloseTo((2 * 4) / (4 + 10));
    expect(overlapWith("cvm 重装")("重装 CVM")).toBe(1);
    expect(overlapWith("abc")("")).toBe(0);
  });
});

describe("finalOrder", () => {
  const questions = ["票据校验接口返回报错如何处理？", "未接入票据校验会产生那些问题？"];
  const order = (list: Scored[], query: string) => finalOrder(list, query, (e) => questions[e]).map((r) => r.entry);

  it("puts first, of two questions scored alike, the one whose characters the query shares more of", () => {
    expect(order([scored(0, 10, 1), scored(1, 9.7, 1)], "后端没校验票据会怎样")).toEqual([1, 0]);
  });

  it("keeps BM25F's order where the scores are far apart", () => {
    expect(order([scored(0, 10, 1), scored(1, 6, 1)], "后端没校验票据会怎样")).toEqual([0, 1]);
  });

  it("gives every result a fit from 0 to 1, in the order it puts them, even when every score is 0", () => {
    for (const list of [[scored(0, 10, 1), scored(1, 9.5, 0.5)], [scored(0, 0, 0), scored(1, 0, 0)]]) {
      const fits = finalOrder(list, "如何处理", (e) => questions[e]).map((r) => r.fit);
      expect(fits.every((f) => Number.isFinite(f) && f >= 0 && f <= 1)).toBe(true);
      expect(fits).toEqual([...fits].sort((a, b) => b - a));
    }
    expect(finalOrder([], "如何处理", () => undefined)).toEqual([]);
  });
});

describe("the order of the results shown, on the real pages", () => {
  const engine = contentEngine("tests/fixtures/qcloud-faq");
  const first = (q: string) => engine.search(q)[0]?.doc.question;

  it("puts first the question that asks what the query asks, over one with more of its words", () => {
    // BM25F alone ranks 轻量服务器被 DDoS 攻击，怎么办？ first (轻量服务器 and 怎么, word for word),
    // and 为什么使用自定义镜像创建的云服务器与正常时间不一致？
    expect(first("轻量服务器怎么登路")).toBe("如何登录轻量应用服务器？");
    expect(first("服务器一直在创建中 建不出来")).toBe("云服务器创建不成功，如何处理？");
  });

  it("is the same whatever the number of results asked for: a shorter list is the start of the longer one", () => {
    for (const q of ["纯音频通话要等很久才听到声音", "轻量服务器怎么登路", "云服务器怎么续费"]) {
      const all = engine.search(q).map((h) => h.doc.id);
      expect(all.length).toBeGreaterThan(1);
      for (const n of [1, 2, 5]) expect(engine.search(q, n).map((h) => h.doc.id)).toEqual(all.slice(0, n));
    }
  });
});
