import { describe, expect, it } from "vitest";
import { contentEngine } from "./seed-index";

describe("the words of a query, on the real pages", () => {
  const engine = contentEngine("tests/fixtures/qcloud-faq");
  const words = (q: string) => engine.explain(q).slots.map((s) => s.typed);

  it("keeps whole a word the segmenter found at the start of the query that the site lacks (倍速: the pages have 倍 alone, never 倍速)", () => {
    expect(words("倍速播放")).toEqual(["倍速", "播放"]);
  });

  it("reads a verb with an aspect particle (接了, 买过) as the verb, so the rare pair does not outweigh the query", () => {
    const slots = engine.explain("只在前端接了验证码").slots;
    expect(slots.map((s) => s.typed)).not.toContain("接了");
    expect(slots.find((s) => s.typed === "了")?.weight).toBeLessThan(0.5);
    expect(words("为了安全怎么设置")).toContain("为了");
  });

  it("weighs an A-not-A question (能不能) as the filler it is", () => {
    const slots = engine.explain("同一个人能不能加到两个人员库").slots;
    const heaviest = Math.max(...slots.map((s) => s.weight));
    for (const s of slots.filter((s) => /能|否/.test(s.typed))) expect(s.weight).toBeLessThan(heaviest / 3);
  });
});
