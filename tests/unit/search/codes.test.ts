import { describe, expect, it } from "vitest";
import { parsePage } from "@/content/parse";
import { pageEntries } from "@/content/types";
import { buildIndexData } from "@/search/build-index";
import { SEARCH_LIMITS } from "@/search/options";
import { strictEngine } from "./seed-index";

const md = [
  "### 上传图片报错怎么办？[](id:upload)\n\n图片上传失败时，请检查图片格式与大小，返回错误码 1101 时请重试。",
  "### 返回 -1101 是什么原因？[](id:code)\n\n-1101 表示签名过期。",
  "### 出现 FailedOperation.ImageSizeTooLarge 怎么办？[](id:large)\n\n图片太大，请压缩后上传。",
].join("\n\n");
const { page } = parsePage(md, { path: "p.md", category: "c", fileSlug: "p" });
const engine = strictEngine(buildIndexData({ categories: [{ slug: "c", url: "/c/", title: "C", description: "", order: null, pages: [page] }] }));
const ids = (q: string) => engine.search(q).map((h) => h.doc.id);

describe("error codes and identifiers", () => {
  it("match exactly and rank first", () => {
    expect(ids("-1101")[0]).toBe("code");
    expect(ids("图片上传 FailedOperation.ImageSizeTooLarge")[0]).toBe("large");
  });

  it("find a hyphenated name typed solid (uniapp for uni-app), also where the site writes it solid elsewhere", () => {
    const { page } = parsePage("### uniapp 版本如何查看？[](id:version)\n\n见控制台。\n\n### 是否支持使用 uni-app 框架接入？[](id:uni)\n\n支持。", { path: "u.md", category: "c", fileSlug: "u" });
    const uni = strictEngine(buildIndexData({ categories: [{ slug: "c", url: "/c/", title: "C", description: "", order: null, pages: [page] }] }));
    // The site writes both; the solid form typed must find the hyphenated one too.
    expect(uni.search("uniapp").map((h) => h.doc.id).sort()).toEqual(["uni", "version"]);
    expect(uni.search("uniapp 接入")[0]?.doc.id).toBe("uni");
  });

  it("are found by their parts and by a prefix while typing", () => {
    expect(ids("ImageSizeTooLarge")[0]).toBe("large");
    expect(ids("failedop")[0]).toBe("large");
  });
});

describe("the Latin words of a long answer past the part indexed in full", () => {
  // An error message quoted late in a long answer, as customers paste it; and a Chinese word there.
  const filler = "请先检查网络与权限配置，".repeat(Math.ceil(SEARCH_LIMITS.answerChars / 12));
  const long = [
    `### 拉取镜像失败怎么办？[](id:pull)\n\n${filler}若日志含有“insufficient_scope: authorization failed”报错，说明权限不足；若提示网关超时，请稍后重试。`,
    "### 如何创建命名空间？[](id:ns)\n\n在控制台的命名空间页面新建即可。",
  ].join("\n\n");
  const { page } = parsePage(long, { path: "l.md", category: "c", fileSlug: "l" });
  const site = { categories: [{ slug: "c", url: "/c/", title: "C", description: "", order: null, pages: [page] }] };
  const longIds = (q: string) => strictEngine(buildIndexData(site)).search(q).map((h) => h.doc.id);

  it("find the answer that quotes them: a pasted error message", () => {
    expect(pageEntries(page)[0].text.indexOf("insufficient_scope")).toBeGreaterThan(SEARCH_LIMITS.answerChars);
    expect(longIds("insufficient_scope: authorization failed")).toEqual(["pull"]);
  });

  it("are the only words indexed there: its Chinese words are not", () => {
    expect(pageEntries(page)[0].text.indexOf("网关超时")).toBeGreaterThan(SEARCH_LIMITS.answerChars);
    expect(longIds("网关超时")).toEqual([]);
  });
});
