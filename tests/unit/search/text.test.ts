import { describe, expect, it } from "vitest";
import { normalize, normalizeWithMap, stripQuestionWords, tokenize } from "@/search/text";

describe("normalize", () => {
  it("folds full-width forms, case, traditional and variant characters", () => {
    expect(normalize("ＡＰＩ　密钥")).toBe("api 密钥");
    expect(normalize("帳號認證")).toBe("账号认证");
    expect(normalize("帐号")).toBe("账号");
  });

  it("maps each normalized unit back to the original text", () => {
    const { text, map } = normalizeWithMap("Ａ帳号");
    expect(text).toBe("a账号");
    expect(map).toEqual([0, 1, 2]);
  });
});

describe("tokenize", () => {
  it("makes CJK bigrams and keeps Latin words and codes whole", () => {
    expect(tokenize("人脸识别")).toEqual(["人脸", "脸识", "识别"]);
    expect(tokenize("qq扫码 failedoperation.imagesizetoolarge -1101")).toEqual(["qq", "扫码", "failedoperation.imagesizetoolarge", "-1101"]);
    expect(tokenize("脸")).toEqual(["脸"]);
  });
});

describe("stripQuestionWords", () => {
  it("drops question words so they add no tokens", () => {
    expect(stripQuestionWords("实名认证能解除吗")).toBe("实名认证 解除");
    expect(stripQuestionWords("吗")).toBe("吗");
  });
});
