import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { seedEngine, strictEngine } from "./seed-index";

const engine = seedEngine();
const top = (q: string) => engine.search(q)[0]?.doc;

type Case = { q: string; expect: string[]; note?: string };
const CASES: Case[] = fs
  .readFileSync("tests/fixtures/search-eval/seed-public.jsonl", "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l));

describe("search over the seed FAQ", () => {
  it("puts 人脸识别失败 first on the face-recognition question, linking to its anchor", () => {
    expect(top("人脸识别失败")).toMatchObject({ id: "faceiderr", url: "/account/real-name-auth/#faceiderr" });
  });

  it.each(CASES.filter((c) => c.expect.length > 0))("public case $q → first result is expected", (c) => {
    expect(c.expect).toContain(top(c.q)?.question);
  });

  it.each(CASES.filter((c) => c.expect.length === 0))("public negative $q → no results", (c) => {
    expect(engine.search(c.q)).toEqual([]);
  });

  it("ranks first the questions about what a question word asks (要多久 → 时长), not just the topic", () => {
    // 实名认证审核不通过 contains the typed 实名认证审核 word for word, but says nothing of how long.
    expect(top("实名认证审核要多久")?.question).toBe("实名认证提交审核处理时长？");
  });

  it("finds pinyin: full, spaced and initials", () => {
    for (const q of ["renlianshibie", "renlian shibie", "rlsb"]) expect(top(q)?.id).toBe("faceiderr");
  });

  it("applies the synonym list (刷脸 → 人脸识别) and variants (帐号 → 账号, traditional)", () => {
    expect(top("刷脸失败")?.id).toBe("faceiderr");
    expect(top("子帐号要实名吗")?.question).toBe("主账号认证后，子账号需要实名认证吗？");
    expect(top("實名認證審核不通過")?.question).toBe("实名认证审核不通过怎么办？");
  });

  it("marks matched characters of the question", () => {
    const hit = engine.search("人脸识别失败")[0];
    const marked = hit.highlights.question.map(([s, e]) => hit.doc.question.slice(s, e + 1));
    expect(marked.join("")).toContain("人脸识别");
  });

  it("returns nothing, and never throws, for hostile or empty queries", () => {
    const hostile = ["", "   ", "？？？", ".*+?^${}()|[]\\", "a".repeat(10_000), "😀😀", "\uD800", "\u202Eabc", "<script>alert(1)</script>", "!^=$'|"];
    for (const q of hostile) expect(() => engine.search(q)).not.toThrow();
    expect(engine.search("")).toEqual([]);
    expect(engine.search(".*+?^${}()|[]\\")).toEqual([]);
  });

  it("respects the limit", () => {
    expect(engine.search("实名认证", 3)).toHaveLength(3);
  });
});

describe("createSearchEngine", () => {
  it("works on an empty index", () => {
    expect(strictEngine({ version: 3, pages: [], questions: [], answers: [], docs: [], synonyms: [], readings: {}, variants: "" }).search("实名认证")).toEqual([]);
  });
});
