import { describe, expect, it } from "vitest";
import { createExpander, rewriteSpokenFiller } from "@/search/related";

describe("built-in near-synonyms", () => {
  const expand = createExpander([]);
  const phrases = (query: string) => expand(query).map((e) => e.phrase);

  it("link a platform's Chinese and Latin names both ways (苹果 ~ ios, 安卓 ~ android)", () => {
    expect(phrases("苹果切到后台就断了")).toContain("ios");
    expect(phrases("ios 后台运行")).toContain("苹果");
    expect(phrases("安卓支持 x86 吗")).toContain("android");
  });

  it("find a Latin word as a word only: not the ios of bios, nor the web of webhook, but the ios of ios17", () => {
    expect(phrases("bios 怎么设置")).not.toContain("苹果");
    expect(phrases("webhook 回调")).not.toContain("网页");
    expect(phrases("h5py 安装")).not.toContain("网页");
    expect(phrases("ios17 推送")).toContain("苹果");
  });

  it("mark only actions and states as such: how soon or how often is no action (马上, 老是)", () => {
    const action = (query: string, word: string) => expand(query).filter((e) => query.slice(e.from, e.to) === word).every((e) => e.action);
    expect(action("注销账号", "注销")).toBe(true);
    expect(action("想马上解决", "马上")).toBe(false);
    expect(action("老是掉线", "老是")).toBe(false);
  });
});

describe("spoken forms", () => {
  const phrases = (query: string) => createExpander([])(query).map((e) => e.phrase);

  it("read 'X不通 / X不出' after a verb as being unable to X (调不通 → 无法调, 建不出来 → 无法建)", () => {
    expect(phrases("会议 api 调不通")).toContain("无法调");
    expect(phrases("服务器建不出来")).toContain("无法建");
  });

  it("leave 不通 and 不出 after a noun alone (网络不通, 验证码不出现, 审核不通过, 看不出区别)", () => {
    for (const q of ["网络不通", "验证码不出现", "审核不通过", "看不出区别"]) expect(phrases(q).filter((p) => p.startsWith("无法"))).toEqual([]);
  });
});

describe("spoken question words", () => {
  it("read an A-not-A question (能不能, 会不会, 可不可以, 有没有, 是不是) as the yes-or-no 是否 it asks", () => {
    expect(rewriteSpokenFiller("同一个人能不能加到两个人员库")).toBe("同一个人是否能加到两个人员库");
    expect(rewriteSpokenFiller("可不可以用http调用")).toBe("是否可以用http调用");
    expect(rewriteSpokenFiller("有没有免费额度")).toBe("是否有免费额度");
    expect(rewriteSpokenFiller("是不是要实名")).toBe("是否要实名");
    expect(rewriteSpokenFiller("会不会丢包")).toBe("是否会丢包");
  });

  it("leave a 不 between two different characters alone (能不用, 看不懂)", () => {
    for (const q of ["能不用实名吗", "看不懂报错", "不不"]) expect(rewriteSpokenFiller(q)).toBe(q);
  });
});
