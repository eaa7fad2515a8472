import { describe, expect, it } from "vitest";
import { createNormalizer, isCodeToken, plainNormalizer, tokenize } from "@/search/text";
import { traditionalPairs } from "@/search/variants";

describe("normalize", () => {
  it("folds full-width forms, case and variant characters", () => {
    expect(plainNormalizer.text("ＡＰＩ　密钥")).toBe("api 密钥");
    expect(plainNormalizer.text("帐号")).toBe("账号");
  });

  it("folds traditional characters with the index's OpenCC table", () => {
    const normalizer = createNormalizer(traditionalPairs(new Set(Array.from("账号认证实名里众线"))));
    expect(normalizer.text("帳號認證")).toBe("账号认证");
    expect(normalizer.text("實名認證裡")).toBe("实名认证里");
  });

  it("keeps the table to the characters the content uses, and never folds one the content has", () => {
    const pairs = Array.from(traditionalPairs(new Set(Array.from("认证"))));
    expect(pairs.filter((_, i) => i % 2 === 1).every((c) => "认证".includes(c))).toBe(true);
    expect(pairs.join("")).toContain("認认");
    expect(pairs.join("")).toContain("證证");
    // 乾 is simplified 干 in some words, and its own character in others (乾坤): kept when the content has it.
    expect(traditionalPairs(new Set(Array.from("乾干")))).not.toContain("乾");
  });

  it("maps each normalized unit back to the original text", () => {
    const { text, map } = createNormalizer("帳账").withMap("Ａ帳号");
    expect(text).toBe("a账号");
    expect(map).toEqual([0, 1, 2]);
  });
});

describe("tokenize", () => {
  it("makes CJK bigrams and keeps Latin words and codes whole", () => {
    expect(tokenize("人脸识别")).toEqual(["人脸", "脸识", "识别"]);
    expect(tokenize("qq扫码 failedoperation.imagesizetoolarge -1101")).toEqual(["qq", "扫码", "failedoperation.imagesizetoolarge", "failedoperation", "imagesizetoolarge", "-1101"]);
    expect(tokenize("脸")).toEqual(["脸"]);
  });

  it("also writes a hyphenated name solid, as customers type it (uni-app → uniapp), but no code or identifier", () => {
    expect(tokenize("uni-app 框架")).toEqual(["uni-app", "uni", "app", "uniapp", "框架"]);
    expect(tokenize("trtc-electron-sdk")).toContain("trtcelectronsdk");
    expect(tokenize("-1101 failedoperation.x")).not.toContain("failedoperationx");
  });
});

describe("isCodeToken", () => {
  it("tells error codes and identifiers from plain words", () => {
    expect(["-1101", "-73", "failedoperation.imagesizetoolarge", "v2", "404"].every(isCodeToken)).toBe(true);
    expect(["api", "qq", "cos", "实名"].some(isCodeToken)).toBe(false);
  });
});
