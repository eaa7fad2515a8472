import { describe, expect, it } from "vitest";
import { isCodeToken, normalize, normalizeWithMap, stripQuestionWords, tokenize } from "@/search/text";

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
    expect(tokenize("qq扫码 failedoperation.imagesizetoolarge -1101")).toEqual(["qq", "扫码", "failedoperation.imagesizetoolarge", "failedoperation", "imagesizetoolarge", "-1101"]);
    expect(tokenize("脸")).toEqual(["脸"]);
  });
});

describe("isCodeToken", () => {
  it("tells error codes and identifiers from plain words", () => {
    expect(["-1101", "-73", "failedoperation.imagesizetoolarge", "v2", "404"].every(isCodeToken)).toBe(true);
    expect(["api", "qq", "cos", "实名"].some(isCodeToken)).toBe(false);
  });
});

describe("stripQuestionWords", () => {
  it("drops question words so they add no tokens", () => {
    expect(stripQuestionWords("实名认证能解除吗")).toBe("实名认证 解除");
    expect(stripQuestionWords("吗")).toBe("吗");
  });

  it("keeps particles that are half of a word the content uses", () => {
    const words = new Set(["会议", "功能"]);
    expect(stripQuestionWords("注销腾讯会议账号", (b) => words.has(b))).toBe("注销腾讯会议账号");
    expect(stripQuestionWords("子账号要实名吗", (b) => words.has(b))).toBe("子账号 实名");
  });
});
