import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLock, parseLock, updatedLock } from "@/content/anchors-lock";
import { loadSite, writeAnchorsLock } from "@/content/load";
import { parsePage } from "@/content/parse";
import type { Site } from "@/content/types";
import { tempTrees } from "./temp-tree";

const tree = tempTrees("faq-lock-");

function site(md: string): Site {
  const { page } = parsePage(md, { path: "a/p.md", category: "a", fileSlug: "p" });
  return { categories: [{ slug: "a", url: "/a/", title: "A", description: "", order: null, pages: [page] }] };
}
const v1 = site("### 人脸识别失败？[](id:faceiderr)\n\n答。\n\n### 如何解除？\n\n答。");

describe("anchors.lock", () => {
  it("records page URLs and anchors, sorted, after the header", () => {
    expect(parseLock(updatedLock(v1, []))).toEqual(["/a/", "/a/p/", "/a/p/#faceiderr", "/a/p/#如何解除"]);
  });

  it("passes while every published anchor still exists", () => {
    expect(checkLock(v1, parseLock(updatedLock(v1, [])), "anchors.lock")).toEqual([]);
  });

  it("fails when a published anchor is renamed, naming the fix", () => {
    const renamed = site("### 人脸识别失败？[](id:face-error)\n\n答。\n\n### 如何解除？\n\n答。");
    expect(checkLock(renamed, ["/a/p/#faceiderr"], "anchors.lock")).toEqual([
      expect.objectContaining({ file: "anchors.lock", severity: "error", message: expect.stringContaining('list "faceiderr" under front matter aliases') }),
    ]);
  });

  it("accepts a rename when the question lists the old id as an alias", () => {
    const aliased = site("---\naliases:\n  face-error: [faceiderr]\n---\n### 人脸识别失败？[](id:face-error)\n\n答。\n\n### 如何解除？\n\n答。");
    expect(checkLock(aliased, ["/a/p/#faceiderr"], "anchors.lock")).toEqual([]);
  });

  it("fails when a published page disappears", () => {
    expect(checkLock(v1, ["/a/old/"], "anchors.lock")[0].message).toContain("published page /a/old/ no longer exists");
  });

  it("keeps entries when updating, so the file only grows", () => {
    expect(parseLock(updatedLock(v1, ["/a/old/#x"]))).toContain("/a/old/#x");
  });

  it("counts group headings as published anchors too", () => {
    const grouped = site("## 账号\n\n### 如何注册？\n\n答。");
    expect(checkLock(grouped, ["/a/p/#账号", "/a/p/#如何注册"], "anchors.lock")).toEqual([]);
  });

  it("is written into a writable content folder, never into a read-only one (even as root)", () => {
    const writable = tree({ "a/p.md": "### 问题？\n\n答。" });
    expect(writeAnchorsLock(loadSite(writable).site, writable)).toBe(path.join(writable, "anchors.lock"));
    const readOnly = tree({ "a/p.md": "### 问题？\n\n答。" });
    fs.chmodSync(readOnly, 0o555);
    try {
      expect(writeAnchorsLock(loadSite(readOnly).site, readOnly)).toBeNull();
      expect(fs.existsSync(path.join(readOnly, "anchors.lock"))).toBe(false);
    } finally {
      fs.chmodSync(readOnly, 0o755);
    }
  });
});
