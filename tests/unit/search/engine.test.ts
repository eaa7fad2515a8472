import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePage } from "@/content/parse";
import { buildIndexData } from "@/search/build-index";
import { SEARCH_LIMITS } from "@/search/options";
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

  it("answers despite a word of how soon or how often that the page has in no form (马上, 老是)", () => {
    expect(top("人脸识别失败 想马上解决")?.id).toBe("faceiderr");
    expect(top("人脸识别老是失败")?.id).toBe("faceiderr");
  });

  it("ranks first the questions about what a question word asks (要多久 → 时长), not just the topic", () => {
    // 实名认证审核不通过 contains the typed 实名认证审核 word for word, but says nothing of how long.
    expect(top("实名认证审核要多久")?.question).toBe("实名认证提交审核处理时长？");
  });

  it("finds pinyin: full, spaced and initials", () => {
    for (const q of ["renlianshibie", "renlian shibie", "rlsb"]) expect(top(q)?.id).toBe("faceiderr");
  });

  it("reads full pinyin as a word only answers write (fapiao: 发票, in no question)", () => {
    expect(engine.search("fapiao").map((h) => h.doc.question)).toEqual(engine.search("发票").map((h) => h.doc.question));
    expect(engine.search("fapiao").length).toBeGreaterThan(0);
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

  it("marks a lone character of the query only with the word typed beside it, unless the query is all lone characters", () => {
    const marked = (query: string) =>
      engine.search(query).flatMap((hit) => [
        ...hit.highlights.question.map(([s, e]) => hit.doc.question.slice(s, e + 1)),
        ...hit.highlights.answer.map(([s, e]) => hit.doc.answer.slice(s, e + 1)),
      ]);
    // 人 · 脸识别失败 (how the segmenter cuts it): 人 is marked in 人脸识别, never alone (本人, 个人).
    expect(marked("人脸识别失败")).not.toContain("人");
    expect(marked("人脸识别失败").some((m) => m.includes("人脸识别"))).toBe(true);
    expect(marked("人")).toContain("人");
    // The 的 of 失败的具体原因 is typed between 失败 and 具体: not marked before 实名认证 (…正确的实名认证…).
    expect(marked("在哪里查看实名认证失败的具体原因").some((m) => m.startsWith("的"))).toBe(false);
    expect(marked("在哪里查看实名认证失败的具体原因")).toContain("实名认证");
  });

  it("refines earlier results to those that still contain every word typed, marked for the new query", () => {
    const previous = engine.search("实名认证");
    const refined = engine.refine("实名认证 审核", previous);
    expect(refined.length).toBeGreaterThan(0);
    expect(refined.length).toBeLessThan(previous.length);
    for (const hit of refined) {
      expect(previous.map((h) => h.doc.id)).toContain(hit.doc.id);
      expect(hit.doc.question).toContain("审核");
      expect(hit.highlights.question.map(([s, e]) => hit.doc.question.slice(s, e + 1)).join("")).toContain("审核");
    }
    // In their earlier order; filler (怎么) is not required; pinyin counts as what it reads.
    expect(refined.map((h) => h.doc.id)).toEqual(previous.filter((h) => h.doc.question.includes("审核")).map((h) => h.doc.id));
    expect(engine.refine("实名认证怎么审核", previous).map((h) => h.doc.id)).toEqual(refined.map((h) => h.doc.id));
    expect(engine.refine("shiming renzheng", previous).length).toBeGreaterThan(0);
    expect(engine.refine("安全组规则", previous)).toEqual([]);
    expect(engine.refine("", previous)).toEqual([]);
    // A query of no words keeps nothing (every earlier result would trivially contain all of its words).
    for (const q of ["？？？", "😀", "-", "!!"]) expect(engine.refine(q, previous), q).toEqual([]);
  });

  it("returns nothing, and never throws, for hostile or empty queries", () => {
    const hostile = ["", "   ", "？？？", ".*+?^${}()|[]\\", "a".repeat(10_000), "😀😀", "\uD800", "\u202Eabc", "<script>alert(1)</script>", "!^=$'|"];
    for (const q of hostile) expect(() => engine.search(q)).not.toThrow();
    expect(engine.search("")).toEqual([]);
    expect(engine.search(".*+?^${}()|[]\\")).toEqual([]);
  });

  it("respects the limit, and shows no more than the one cut-off everywhere", () => {
    expect(engine.search("实名认证", 2)).toHaveLength(2);
    expect(engine.search("实名认证").length).toBeLessThanOrEqual(SEARCH_LIMITS.results);
  });

  it("finds the question for the ways customers say it fails (不成功, 刷脸) and choose (怎么选)", () => {
    expect(top("人脸识别不成功")?.id).toBe("faceiderr");
    expect(top("刷脸不成功")?.id).toBe("faceiderr");
    expect(top("企业认证怎么选")?.question).toBe("如何选择实名认证方式？");
  });

  it("does not show the tail of questions that only share the topic", () => {
    // Every question says 实名认证; only one says how long it takes.
    expect(engine.search("实名认证要多久").map((h) => h.doc.question)).toEqual(["实名认证提交审核处理时长？"]);
  });

  it("answers nothing for closing an account, and offers the closest questions as possibly related", () => {
    const { hits, related } = engine.searchWithRelated("注销账号");
    expect(hits).toEqual([]);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(3);
    expect(engine.searchWithRelated("人脸识别失败").related).toEqual([]);
  });

  it("offers as possibly related no question that shares only filler or a lone character with the query", () => {
    // The page has no 退款; every question it has says 怎么办 or 怎么. Nor has it 量子计算机 (only the 机 of 手机).
    expect(engine.searchWithRelated("怎么退款")).toEqual({ hits: [], related: [] });
    expect(engine.searchWithRelated("量子计算机怎么买")).toEqual({ hits: [], related: [] });
  });

  it("answers though the page lacks every form of a thing named or a question word (服务器, 在哪里), unlike an action it lacks (注销)", () => {
    // The page says 云服务资源, never 服务器, 主机 or 机器; and never 在哪, 哪里 or 入口.
    expect(top("云服务器实名认证审核不通过怎么办")?.question).toBe("实名认证审核不通过怎么办？");
    expect(top("在哪里查看实名认证审核不通过的原因")?.question).toBe("实名认证审核不通过怎么办？");
  });

  it("reads initials of two phrases run together (rlsbsb: 人脸识别 + 失败)", () => {
    expect(top("rlsbsb")?.id).toBe("faceiderr");
  });
});

describe("search over a page of its own", () => {
  const md = [
    "---\nkeywords:\n  time: [发票多久到]\n---",
    "### 发票开具后多长时间可以收到？[](id:time)\n\n电子发票即时发送，纸质发票一般 5 个工作日内寄出。",
    "### 如何修改（重置）云服务器密码？[](id:reset)\n\n在控制台选择实例，单击重置密码。",
    "### 是否支持5天内无理由退款？[](id:refund)\n\n支持，新购实例 5 天内可申请无理由退款。",
    "### 无理由退款几天到账？[](id:norefund)\n\n无理由退款审核通过后原路退回，无理由退款一般当天到账。",
    "### 如何修改账号绑定的手机号？[](id:phone)\n\n在账号中心修改，每年最多修改 3 次。",
    "### 如何购买 ClickHouse 版？[](id:buy)\n\n在购买页选择 ClickHouse 版。",
    "### 如何购买云服务器？[](id:cvm)\n\n在购买页选择地域和机型。",
  ].join("\n\n");
  const { page } = parsePage(md, { path: "p.md", category: "c", fileSlug: "p" });
  const own = strictEngine(buildIndexData({ categories: [{ slug: "c", url: "/c/", title: "费用", description: "", order: null, pages: [page] }] }));
  const first = (q: string) => own.search(q)[0]?.doc.id;

  it("finds a question by one of its front-matter keywords, typed exactly", () => {
    expect(first("发票多久到")).toBe("time");
  });

  it("reads pinyin with the other reading of a character (chongzhi: 重 is also zhong)", () => {
    expect(first("chongzhi mima")).toBe("reset");
  });

  it("reads Chinese numbers as digits (五天 → 5天) and mistyped Latin words (clickhose)", () => {
    expect(first("五天无理由退款")).toBe("refund");
    expect(first("clickhose 怎么买")).toBe("buy");
  });

  it("finds the customer's words in the answer (一年能改几次手机号 → 每年最多修改 3 次)", () => {
    expect(first("一年能改几次手机号")).toBe("phone");
  });
});

describe("createSearchEngine", () => {
  it("works on an empty index", () => {
    expect(strictEngine(buildIndexData({ categories: [] })).search("实名认证")).toEqual([]);
  });
});
