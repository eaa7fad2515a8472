import { describe, expect, it } from "vitest";
import { contentEngine } from "./seed-index";

describe("the words of a query, on the real pages", () => {
  const engine = contentEngine("tests/fixtures/qcloud-faq");
  const words = (q: string) => engine.explain(q).slots.map((s) => s.typed);

  it("keeps whole a word the segmenter found at the start of the query that the site lacks (倍速: the pages have 倍 alone, never 倍速)", () => {
    expect(words("倍速播放")).toEqual(["倍速", "播放"]);
  });
});
