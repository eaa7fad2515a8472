import { describe, expect, it } from "vitest";
import { createExpander } from "@/search/related";

describe("built-in near-synonyms", () => {
  const expand = createExpander([]);
  const phrases = (query: string) => expand(query).map((e) => e.phrase);

  it("link a platform's Chinese and Latin names both ways (苹果 ~ ios, 安卓 ~ android)", () => {
    expect(phrases("苹果切到后台就断了")).toContain("ios");
    expect(phrases("ios 后台运行")).toContain("苹果");
    expect(phrases("安卓支持 x86 吗")).toContain("android");
  });

  it("find a Latin word only as a whole word: the ios of bios, or the web of webhook, is none", () => {
    expect(phrases("bios 怎么设置")).not.toContain("苹果");
    expect(phrases("webhook 回调")).not.toContain("网页");
  });

  it("read a spoken 'X不通 / X不出' as being unable to X (调不通 → 无法调, 建不出来 → 无法建)", () => {
    expect(phrases("会议 api 调不通")).toContain("无法调");
    expect(phrases("服务器建不出来")).toContain("无法建");
  });
});
