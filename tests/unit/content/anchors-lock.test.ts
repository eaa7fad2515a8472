import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { anchorsOf, checkLock, parseLock, updatedLock } from "@/content/anchors-lock";
import { checkAnchorsLock, loadSite, writeAnchorsLock } from "@/content/load";
import { parsePage } from "@/content/parse";
import type { Site } from "@/content/types";
import { tempTrees } from "./temp-tree";

const tree = tempTrees("faq-lock-");

function site(md: string): Site {
  const { page } = parsePage(md, { path: "a/p.md", category: "a", fileSlug: "p" });
  return { categories: [{ slug: "a", url: "/a/", title: "A", description: "", order: null, pages: [page] }] };
}
const v1 = site("### 人脸识别失败？[](id:faceiderr)\n\n答。\n\n### 如何解除？\n\n答。");
const allOf = (s: Site) => anchorsOf(s.categories.flatMap((c) => c.pages)).keys();

describe("anchors.lock", () => {
  it("records page URLs and anchors, sorted, after the header", () => {
    expect(parseLock(updatedLock([], allOf(v1)))).toEqual(["/a/", "/a/p/", "/a/p/#faceiderr", "/a/p/#如何解除"]);
  });

  it("passes while every published anchor still exists", () => {
    expect(checkLock(v1, parseLock(updatedLock([], allOf(v1))), "anchors.lock")).toEqual([]);
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
    expect(parseLock(updatedLock(["/a/old/#x"], allOf(v1)))).toContain("/a/old/#x");
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

  it("reports a published anchor not yet in the lock at its page, when the page is in the last commit", () => {
    const renamed = site("### 人脸识别失败？[](id:face-error)\n\n答。\n\n### 如何解除？\n\n答。");
    expect(checkLock(renamed, [], "anchors.lock", new Map(), anchorsOf(v1.categories[0].pages))).toEqual([
      expect.objectContaining({ file: "a/p.md", line: 1, message: expect.stringMatching(/published anchor \/a\/p\/#faceiderr no longer exists: .*\(it is in the last commit\)/) }),
    ]);
  });
});

describe("drafts do not lock: a page is published once committed to git", () => {
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  const PAGE = "### 人脸识别失败？[](id:faceiderr)\n\n答。\n\n### 如何解除？\n\n答。";
  /** A content folder in a git repository, with `a/p.md` committed. */
  function repo(): string {
    const dir = tree({ "a/p.md": PAGE });
    git(dir, "init", "-q");
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "p");
    return dir;
  }
  const write = (dir: string, file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
  const lock = (dir: string) => parseLock(fs.readFileSync(path.join(dir, "anchors.lock"), "utf8"));

  it("records committed pages only, and a draft's question can be renamed with no alias and no lock edit", () => {
    const dir = repo();
    write(dir, "a/draft.md", "### 草稿问题？\n\n答。");
    writeAnchorsLock(loadSite(dir).site, dir); // a first local build
    expect(lock(dir)).toEqual(["/a/", "/a/p/", "/a/p/#faceiderr", "/a/p/#如何解除"]);
    write(dir, "a/draft.md", "### 改过的草稿问题？\n\n答。");
    expect(checkAnchorsLock(loadSite(dir).site, dir)).toEqual([]);
    fs.rmSync(path.join(dir, "a/draft.md"));
    expect(checkAnchorsLock(loadSite(dir).site, dir)).toEqual([]);
  });

  it("locks a page at its commit, and then a renamed question fails the check", () => {
    const dir = repo();
    write(dir, "a/draft.md", "### 草稿问题？\n\n答。");
    git(dir, "add", "a/draft.md");
    git(dir, "commit", "-qm", "publish the draft");
    write(dir, "a/draft.md", "### 改过的草稿问题？\n\n答。");
    const errors = checkAnchorsLock(loadSite(dir).site, dir);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("published anchor /a/draft/#草稿问题 no longer exists")]);
  });

  it("protects a committed question renamed before any build recorded it", () => {
    const dir = repo(); // committed, no anchors.lock yet
    write(dir, "a/p.md", PAGE.replace("(id:faceiderr)", "(id:face-error)"));
    const errors = checkAnchorsLock(loadSite(dir).site, dir);
    expect(errors).toEqual([expect.objectContaining({ file: "a/p.md", message: expect.stringContaining("/a/p/#faceiderr no longer exists") })]);
    // With the old id as an alias it passes, and the lock records the committed id, not the uncommitted one.
    write(dir, "a/p.md", `---\naliases:\n  face-error: [faceiderr]\n---\n${PAGE.replace("(id:faceiderr)", "(id:face-error)")}`);
    expect(checkAnchorsLock(loadSite(dir).site, dir)).toEqual([]);
    writeAnchorsLock(loadSite(dir).site, dir);
    expect(lock(dir)).toContain("/a/p/#faceiderr");
    expect(lock(dir)).not.toContain("/a/p/#face-error");
  });

  it("in a repository with no commit yet nothing is published, and no lock is written", () => {
    const dir = tree({ "a/p.md": PAGE });
    git(dir, "init", "-q");
    expect(writeAnchorsLock(loadSite(dir).site, dir)).toBeNull();
    expect(fs.existsSync(path.join(dir, "anchors.lock"))).toBe(false);
  });
});
