import { describe, expect, it } from "vitest";
import { parsePage } from "@/content/parse";
import { buildIndexData } from "@/search/build-index";
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

  it("are found by their parts and by a prefix while typing", () => {
    expect(ids("ImageSizeTooLarge")[0]).toBe("large");
    expect(ids("failedop")[0]).toBe("large");
  });
});
